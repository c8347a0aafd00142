import { hashedEmailIdentity } from "./identity-hash.ts";
import type { AchievementInput, AwardInput, IssuerProfile, UnsignedOpenBadgeCredential } from "./types.ts";

export const CREDENTIALS_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_V3_CONTEXT_URL = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/**
 * Builds an unsigned OB 3.0 OpenBadgeCredential. Pure apart from the SHA-256 of a hashed email
 * (Web Crypto, hence async). Dates are written as XSD dateTimeStamps in UTC without milliseconds.
 * Optional fields are only written when given, so the output never carries `undefined`.
 */
export async function buildOpenBadgeCredential(input: AwardInput): Promise<UnsignedOpenBadgeCredential> {
  const subject = {
    type: ["AchievementSubject"],
    ...(await recipientFields(input)),
    achievement: achievementDocument(input.achievement),
    ...defined({
      result: input.result,
      creditsEarned: input.creditsEarned,
      activityStartDate: optionalDate(input.activityStartDate),
      activityEndDate: optionalDate(input.activityEndDate),
      term: input.term,
      role: input.role,
      narrative: input.narrative,
    }),
  };
  return {
    "@context": [CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_V3_CONTEXT_URL, ...(input.extraContexts ?? [])],
    id: input.credentialId,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: profileDocument(input.issuer),
    validFrom: xsdDateTime(input.validFrom),
    ...defined({
      validUntil: optionalDate(input.validUntil),
      awardedDate: optionalDate(input.awardedDate),
      name: input.name ?? input.achievement.name,
      description: input.description,
      image: input.image,
      credentialStatus: input.credentialStatus,
      evidence: input.evidence,
    }),
    credentialSubject: subject,
  };
}

async function recipientFields(input: AwardInput): Promise<Record<string, unknown>> {
  const { recipient } = input;
  if (recipient.kind === "id") return { id: recipient.id };
  return { identifier: [await hashedEmailIdentity(recipient.email, recipient.salt)] };
}

function achievementDocument(achievement: AchievementInput): Record<string, unknown> {
  const { id, name, description, criteria, creator, ...rest } = achievement;
  return {
    id,
    type: ["Achievement"],
    name,
    description,
    criteria: defined({ id: criteria.id, narrative: criteria.narrative }),
    ...defined({ ...rest, creator: creator ? profileDocument(creator) : undefined }),
  };
}

function profileDocument(profile: IssuerProfile): Record<string, unknown> {
  const { id, name, ...rest } = profile;
  return { id, type: ["Profile"], name, ...defined(rest) };
}

/** XSD dateTimeStamp in UTC, second precision ("2024-05-01T12:00:00Z"). */
export function xsdDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date.");
  return `${date.toISOString().slice(0, 19)}Z`;
}

function optionalDate(date: Date | undefined): string | undefined {
  return date ? xsdDateTime(date) : undefined;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
