import { DomainError } from "../../domain/errors.ts";
import { evaluatePathway, type HeldCredential } from "../../domain/pathways/evaluate.ts";
import { recommendNext } from "../../domain/pathways/next-steps.ts";
import { needsConsent, type StoredPathway } from "../../domain/pathways/stored-pathway.ts";
import type { Organization } from "../../domain/types.ts";
import { record, subjectOf } from "../../domain/wallet/credential-display.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";
import { heldDocumentIn } from "../wallet/held-document.ts";
import { queuePathwayCheck } from "./pathway-check-queue.ts";
import { equivalenceOf } from "./recognitions.ts";

type Json = Record<string, unknown>;
const issuerIdOf = (credential: Json) =>
  typeof credential.issuer === "string" ? credential.issuer : record(credential.issuer)?.id;

/** A stacked achievement with its requirements and its organization, as anyone may read it. */
export async function pathwayIn(r: Repositories, achievementId: string) {
  const stored = /^[0-9a-f-]{36}$/.test(achievementId) ? await r.pathways.find(achievementId) : undefined;
  const achievement = stored && (await r.achievements.findAnywhere(achievementId));
  const version = achievement?.publishedVersion
    ? await r.achievements.version(achievement.id, achievement.publishedVersion)
    : undefined;
  const organization = achievement && (await r.organizations.findById(achievement.organizationId));
  if (!stored || !version || !organization) {
    throw new DomainError("not_found", "There is no published pathway at this address.");
  }
  return { stored, organization, name: version.definition.name, description: version.definition.description };
}

/**
 * The learner's wallet as pathways see it: every credential with its achievement, issuer, credits and date (first
 * bringing in what was awarded to them since). A credential counts only when it is valid now (the issuer's status,
 * its dates, and for imports every check it passed) and names this learner: an imported copy of someone else's
 * credential never counts. When the same credential is held twice, an invalid copy wins.
 */
export async function learnerHeldIn(
  deps: AppDeps,
  r: Repositories,
  userId: string,
): Promise<HeldCredential[]> {
  const now = deps.clock();
  await attachHeldIn(deps, r, userId);
  const byId = new Map<string, HeldCredential>();
  for (const entry of await r.wallet.list(userId)) {
    const document = await heldDocumentIn(r, entry);
    const credential = document?.credential;
    const subject = credential ? subjectOf(credential) : undefined;
    const achievement = record(subject?.achievement);
    const achievementId = typeof achievement?.id === "string" ? achievement.id : undefined;
    if (!credential || !achievementId) continue;
    const issuer = issuerIdOf(credential);
    const credits = Number(subject?.creditsEarned ?? achievement?.creditsAvailable);
    const held: HeldCredential = {
      credentialId: typeof credential.id === "string" ? credential.id : entry.id,
      achievementId,
      ...(typeof issuer === "string" ? { issuer } : {}),
      earnedAt: new Date(entry.display.issuedOn ?? entry.addedAt),
      ...(Number.isFinite(credits) && credits > 0 ? { credits } : {}),
      valid: heldStatus(entry, now) === "valid" && entry.subjectMatches === true,
    };
    const seen = byId.get(held.credentialId);
    if (!seen || (seen.valid && !held.valid)) byId.set(held.credentialId, held);
  }
  return [...byId.values()];
}

/** Evaluates one pathway for these credentials; the pathway's own organization's credentials name no issuer. */
export async function standingIn(
  deps: AppDeps,
  r: Repositories,
  stored: StoredPathway,
  organization: Organization,
  held: readonly HeldCredential[],
) {
  const own = deps.credentials.organizationDid(organization.slug);
  const local = held.map(({ issuer, ...rest }) => (issuer && issuer !== own ? { ...rest, issuer } : rest));
  const equivalences = (await r.pathways.recognitions(organization.id)).map((x) => equivalenceOf(deps, x));
  const { pathway } = stored;
  const evaluation = evaluatePathway(pathway.requirements, pathway, local, deps.clock(), equivalences);
  return { evaluation, next: recommendNext(pathway.requirements, evaluation) };
}

/** Where a learner stands on a pathway: what counts, what remains, credits so far and what to earn next. */
export const pathwayProgress = (deps: AppDeps, achievementId: string, userId: string | undefined) =>
  deps.uow(async (r) => {
    const found = await pathwayIn(r, achievementId);
    const held = userId ? await learnerHeldIn(deps, r, userId) : [];
    const standing = await standingIn(deps, r, found.stored, found.organization, held);
    const stacked = userId ? await r.pathways.findAward(achievementId, userId) : undefined;
    const consent = needsConsent(found.stored.pathway);
    const following = userId ? await r.pathways.follows(achievementId, userId) : false;
    // Complete but not yet awarded (the wallet changed elsewhere): the workers award it now.
    if (userId && standing.evaluation.complete && !stacked && (!consent || following)) {
      await queuePathwayCheck(r, userId);
    }
    return { ...found, ...standing, stacked, consent, following };
  });
