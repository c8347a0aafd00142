import type { Award } from "../../domain/awards/award-request.ts";
import { normalizeEmail, sha256IdentityHash } from "../../domain/open-badges/identity-hash.ts";
import { credentialDisplay, credentialOfStored, subjectOf } from "../../domain/wallet/credential-display.ts";
import { queuePathwayCheck } from "../pathways/pathway-check-queue.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";

/** The addresses an account has proven it controls: its sign-in address once verified, and verified extra ones. */
export async function verifiedEmailsIn(r: Repositories, userId: string): Promise<string[]> {
  const [user, extra] = await Promise.all([r.users.findById(userId), r.wallet.emails(userId)]);
  const emails = extra.filter((e) => e.verifiedAt).map((e) => e.email);
  if (user?.emailVerifiedAt) emails.unshift(normalizeEmail(user.email));
  return emails;
}

/** True when the credential names the learner: its subject is their DID, or an email identifier is one of their addresses. */
async function namesOneOf(
  credential: Record<string, unknown>,
  emails: readonly string[],
  did: string | undefined,
): Promise<boolean> {
  const subject = subjectOf(credential);
  if (did && subject?.id === did) return true;
  const identifiers = subject?.identifier;
  for (const identity of Array.isArray(identifiers) ? identifiers : []) {
    if (identity?.identityType !== "emailAddress" || typeof identity.identityHash !== "string") continue;
    const hash = identity.identityHash.toLowerCase();
    const salt = typeof identity.salt === "string" ? identity.salt : "";
    for (const email of emails) {
      const same =
        identity.hashed === false
          ? normalizeEmail(hash) === email
          : (await sha256IdentityHash(email, salt)) === hash;
      if (same) return true;
    }
  }
  return false;
}

/** Puts one Cairn award into a wallet, once; `subjectMatches` says whether it names the wallet's owner. */
export async function attachOneIn(
  deps: AppDeps,
  r: Repositories,
  userId: string,
  award: Award,
  credential: Record<string, unknown>,
  format: string,
  subjectMatches: boolean,
): Promise<boolean> {
  return r.wallet.attachAward({
    id: deps.newId(),
    userId,
    awardId: award.id,
    kind: "ob3",
    format,
    document: null,
    display: credentialDisplay(credential),
    importChecks: null,
    subjectMatches,
    hidden: false,
    collection: null,
    addedAt: deps.clock(),
  });
}

/**
 * Puts into the learner's wallet every Cairn credential awarded to one of their verified addresses, once each. The
 * award's address finds the candidates; the credential's salted identity hash must match before it is attached.
 */
export async function attachAwardsIn(
  deps: AppDeps,
  r: Repositories,
  userId: string,
  emails: readonly string[],
  did?: string,
): Promise<number> {
  let attached = 0;
  const recipients = [...emails.map(normalizeEmail), ...(did ? [did] : [])];
  for (const award of await r.awards.findByRecipients(recipients)) {
    if (award.recipientKind === "did" && award.recipient !== did) continue;
    const credential = await r.issuedCredentials.find(award.organizationId, award.credentialId);
    const json = credential && credentialOfStored(credential.document);
    if (!credential || !json || !(await namesOneOf(json, emails, did))) continue;
    const added = await attachOneIn(deps, r, userId, award, json, credential.format, true);
    if (added) attached += 1;
    if (added && !award.claimedAt) await r.awards.update(award.id, { claimedAt: deps.clock() });
  }
  if (attached > 0) {
    await queuePathwayCheck(r, userId);
    await refreshTalentSkillsIn(r, userId);
  }
  return attached;
}

/** Attaches everything awarded to the learner's verified addresses and to their DID. */
export async function attachHeldIn(deps: AppDeps, r: Repositories, userId: string): Promise<number> {
  const [emails, key] = await Promise.all([verifiedEmailsIn(r, userId), r.wallet.findKey(userId)]);
  return attachAwardsIn(deps, r, userId, emails, key?.did);
}
