import { CAIRN_CONTEXT_URL } from "../achievements/achievement-json.ts";
import type { IdentityObject } from "../open-badges/types.ts";
import type { AwardRequest } from "./award-request.ts";

const xsd = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The unsigned OpenBadgeCredential for one award: the published achievement, the recipient and what the award adds. */
export function awardCredentialDocument(input: {
  achievement: Record<string, unknown>;
  subject: { id: string } | { identifier: IdentityObject };
  request: AwardRequest;
  issuedOn: Date;
  validUntil: Date | undefined;
}): Record<string, unknown> {
  const { request } = input;
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      CAIRN_CONTEXT_URL,
    ],
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: String(input.achievement.name),
    validFrom: xsd(input.issuedOn),
    awardedDate: xsd(input.issuedOn),
    ...(input.validUntil ? { validUntil: xsd(input.validUntil) } : {}),
    credentialSubject: {
      type: ["AchievementSubject"],
      ...("id" in input.subject ? { id: input.subject.id } : { identifier: [input.subject.identifier] }),
      achievement: input.achievement,
      ...(request.result ? { result: [{ type: ["Result"], value: request.result }] } : {}),
    },
    ...(request.evidenceUrl || request.narrative
      ? {
          evidence: [
            {
              type: ["Evidence"],
              ...(request.evidenceUrl ? { id: request.evidenceUrl } : {}),
              ...(request.narrative ? { narrative: request.narrative } : {}),
            },
          ],
        }
      : {}),
  };
}
