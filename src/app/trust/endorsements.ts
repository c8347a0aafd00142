import { isActiveAccreditation } from "../../domain/trust/accreditation.ts";
import { record, subjectOf } from "../../domain/wallet/credential-display.ts";
import type { AppDeps, Repositories } from "../ports.ts";

type Json = Record<string, unknown>;

/** The signed EndorsementCredentials of an issuer's active accreditations: of the issuer, and per micro-credential. */
export type Endorsements = { issuer: Json[]; achievements: Map<string, Json[]> };

export async function activeEndorsementsIn(
  deps: AppDeps,
  r: Repositories,
  organizationId: string,
): Promise<Endorsements> {
  const now = deps.clock();
  const endorsements: Endorsements = { issuer: [], achievements: new Map() };
  for (const accreditation of await r.accreditations.forIssuers([organizationId])) {
    if (!isActiveAccreditation(accreditation, now)) continue;
    const stored = await r.issuedCredentials.find(accreditation.accreditorId, accreditation.credentialId);
    // Endorsements are issued as Data Integrity credentials, so they embed as JSON.
    if (!stored || typeof stored.document.jwt === "string") continue;
    if (!accreditation.achievementId) {
      endorsements.issuer.push(stored.document);
      continue;
    }
    const url = `${deps.publicUrl}/achievements/${accreditation.achievementId}`;
    endorsements.achievements.set(url, [...(endorsements.achievements.get(url) ?? []), stored.document]);
  }
  return endorsements;
}

const withEndorsement = (profile: Json, documents: Json[]): Json =>
  documents.length ? { ...profile, endorsement: documents } : profile;

/**
 * The credential with its issuer's endorsements on the issuer Profile and its micro-credential's on the Achievement,
 * as OB 3.0 places them: a verifier finds the accreditor's signed statement inside the credential itself.
 */
export function withEndorsements(credential: Json, endorsements: Endorsements): Json {
  const issuer = record(credential.issuer);
  const subject = subjectOf(credential);
  const achievement = record(subject?.achievement);
  const forAchievement =
    typeof achievement?.id === "string" ? (endorsements.achievements.get(achievement.id) ?? []) : [];
  if (!issuer && forAchievement.length === 0) return credential;
  return {
    ...credential,
    ...(issuer ? { issuer: withEndorsement(issuer, endorsements.issuer) } : {}),
    ...(subject && achievement && forAchievement.length && !Array.isArray(credential.credentialSubject)
      ? { credentialSubject: { ...subject, achievement: withEndorsement(achievement, forAchievement) } }
      : {}),
  };
}
