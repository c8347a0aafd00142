import { CAIRN_CONTEXT_URL } from "../achievements/achievement-json.ts";
import type { EarnedParts } from "../earning/learning-record.ts";
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
  /** Credentials this award rests on (a stacked credential's components), named as evidence. */
  components?: readonly { id: string; name: string }[] | undefined;
  /** For a credential earned on a learning path: the results, evidence and dates that earned it. */
  earned?: EarnedParts | undefined;
}): Record<string, unknown> {
  const { request, earned } = input;
  const evidence = [
    ...(request.evidenceUrl || request.narrative
      ? [
          {
            type: ["Evidence"],
            ...(request.evidenceUrl ? { id: request.evidenceUrl } : {}),
            ...(request.narrative ? { narrative: request.narrative } : {}),
          },
        ]
      : []),
    ...(input.components ?? []).map((component) => ({
      id: component.id,
      type: ["Evidence"],
      name: component.name,
      description: "A component credential of this stacked credential, verifiable on its own.",
    })),
    ...(earned?.evidence ?? []),
  ];
  const results = [
    ...(request.result ? [{ type: ["Result"], value: request.result }] : []),
    ...(earned?.results ?? []),
  ];
  const achievement = earned?.resultDescriptions.length
    ? { ...input.achievement, resultDescription: earned.resultDescriptions }
    : input.achievement;
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
      achievement,
      ...(results.length ? { result: results } : {}),
      ...(earned
        ? { activityStartDate: xsd(earned.activityStartDate), activityEndDate: xsd(earned.activityEndDate) }
        : {}),
    },
    ...(evidence.length ? { evidence } : {}),
  };
}
