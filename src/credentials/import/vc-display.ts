import { decodeVcJwt } from "../proofs/vc-jwt.ts";
import type { CredentialSummary } from "../verify/types.ts";
import { defined, imageOf, isRecord, type JsonRecord, text } from "./fields.ts";
import type { ImportDisplay, ImportedRecipient } from "./types.ts";

// What a wallet shows for an OB 3.0 / CLR 2.0 credential, read straight from the document
// (the verifier's summary fills gaps). Everything is read defensively: the document may be anything.

/** The credential inside a JSON object or a VC-JWT (VC 2.0 payload, or VC 1.1 `vc` claim); undefined if unreadable. */
export function credentialOf(value: unknown): JsonRecord | undefined {
  if (isRecord(value)) return value;
  if (typeof value !== "string") return undefined;
  try {
    return decodeVcJwt(value.trim()).credential;
  } catch {
    return undefined;
  }
}

export function subjectOf(credential: JsonRecord): JsonRecord {
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  return isRecord(subject) ? subject : {};
}

export type AchievementInfo = { id?: string; name: string; description?: string };

/** The achievement an OB 3.0 credential awards, if it names one. */
export function achievementOf(credential: JsonRecord): AchievementInfo | undefined {
  const achievement = subjectOf(credential).achievement;
  return isRecord(achievement) ? achievementInfo(achievement) : undefined;
}

export function achievementInfo(achievement: JsonRecord): AchievementInfo | undefined {
  const name = text(achievement.name);
  if (!name) return undefined;
  return defined({ id: text(achievement.id), name, description: text(achievement.description) });
}

export function vcDisplay(credential: JsonRecord, summary?: CredentialSummary): ImportDisplay {
  const subject = subjectOf(credential);
  const achievement = isRecord(subject.achievement) ? subject.achievement : {};
  const issuer = isRecord(credential.issuer) ? credential.issuer : {};
  return defined({
    name:
      text(credential.name) ??
      text(achievement.name) ??
      summary?.name ??
      summary?.achievement?.name ??
      "Untitled credential",
    description: text(credential.description) ?? text(achievement.description),
    issuerName: text(issuer.name) ?? summary?.issuer.name,
    issuerId: text(credential.issuer) ?? text(issuer.id) ?? summary?.issuer.id,
    image: imageOf(credential.image) ?? imageOf(achievement.image),
    issuedOn: text(credential.validFrom) ?? text(credential.issuanceDate) ?? summary?.validFrom,
    expiresOn: text(credential.validUntil) ?? text(credential.expirationDate) ?? summary?.validUntil,
    recipient: recipientOf(subject),
    subjectId: text(subject.id),
  });
}

/** The learner's IdentityObject (an email one first), as the wallet's recipient. */
function recipientOf(subject: JsonRecord): ImportedRecipient | undefined {
  const identifiers = (Array.isArray(subject.identifier) ? subject.identifier : [subject.identifier]).filter(
    (identifier): identifier is JsonRecord =>
      isRecord(identifier) && text(identifier.identityHash) !== undefined,
  );
  const chosen =
    identifiers.find((identifier) => identifier.identityType === "emailAddress") ?? identifiers[0];
  if (!chosen) return undefined;
  return defined({
    identity: String(chosen.identityHash),
    hashed: chosen.hashed === true,
    salt: text(chosen.salt),
    type: text(chosen.identityType) ?? "emailAddress",
  });
}
