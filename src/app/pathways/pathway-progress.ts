import { DomainError } from "../../domain/errors.ts";
import { evaluatePathway, type HeldCredential } from "../../domain/pathways/evaluate.ts";
import { recommendNext } from "../../domain/pathways/next-steps.ts";
import { subjectOf } from "../../domain/wallet/credential-display.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";
import { heldDocumentIn } from "../wallet/held-document.ts";

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
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
 * The learner's credentials as a pathway sees them: every wallet credential with its achievement, issuer (none for
 * the pathway's own organization), credits and date; only a credential that is valid now counts.
 */
async function heldCredentialsIn(deps: AppDeps, r: Repositories, userId: string, ownIssuer: string) {
  const now = deps.clock();
  await attachHeldIn(deps, r, userId);
  const held: HeldCredential[] = [];
  for (const entry of await r.wallet.list(userId)) {
    const document = await heldDocumentIn(r, entry);
    const credential = document?.credential;
    const achievement = credential ? record(subjectOf(credential)?.achievement) : undefined;
    const achievementId = typeof achievement?.id === "string" ? achievement.id : undefined;
    if (!credential || !achievementId) continue;
    const issuer = issuerIdOf(credential);
    const credits = Number(achievement?.creditsAvailable);
    held.push({
      credentialId: typeof credential.id === "string" ? credential.id : entry.id,
      achievementId,
      ...(typeof issuer === "string" && issuer !== ownIssuer ? { issuer } : {}),
      earnedAt: new Date(entry.display.issuedOn ?? entry.addedAt),
      ...(Number.isFinite(credits) && credits > 0 ? { credits } : {}),
      valid: heldStatus(entry, now) === "valid",
    });
  }
  return held;
}

/** Where a learner stands on a pathway: what counts, what remains, credits so far and what to earn next. */
export const pathwayProgress = (deps: AppDeps, achievementId: string, userId: string | undefined) =>
  deps.uow(async (r) => {
    const found = await pathwayIn(r, achievementId);
    const { pathway } = found.stored;
    const ownIssuer = deps.credentials.organizationDid(found.organization.slug);
    const held = userId ? await heldCredentialsIn(deps, r, userId, ownIssuer) : [];
    const evaluation = evaluatePathway(pathway.requirements, pathway, held, deps.clock());
    return { ...found, evaluation, next: recommendNext(pathway.requirements, evaluation) };
  });
