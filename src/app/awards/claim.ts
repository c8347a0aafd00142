import { DomainError } from "../../domain/errors.ts";
import { later } from "../../domain/rules.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { CLAIM_LINK_LIFETIME } from "./award-credential.ts";

async function openClaim(deps: AppDeps, r: Repositories, token: string) {
  const award = await r.awards.findByClaimToken(deps.secrets.digest(token));
  if (!award || later(award.issuedAt, CLAIM_LINK_LIFETIME) <= deps.clock()) {
    throw new DomainError(
      "invalid_link",
      "This claim link is invalid or has expired. Ask the issuer for a new one.",
    );
  }
  const [organization, credential] = await Promise.all([
    r.organizations.findById(award.organizationId),
    r.issuedCredentials.find(award.organizationId, award.credentialId),
  ]);
  if (!organization || !credential) throw new DomainError("invalid_link", "This claim link is invalid.");
  const document = credential.format === "jwt" ? String(credential.document.jwt) : credential.document;
  const subject =
    typeof document === "string"
      ? undefined
      : (document.credentialSubject as { achievement?: { name?: string; description?: string } });
  return {
    award,
    organization,
    document,
    achievementName: subject?.achievement?.name ?? "",
    description: subject?.achievement?.description ?? "",
  };
}

/** What a claim link shows: the award, its issuer and the signed credential (JSON-LD or JWT). */
export const viewClaim = (deps: AppDeps, token: string) => deps.uow((r) => openClaim(deps, r, token));

/** The recipient keeps the credential in their account. Their account must have the address it was awarded to. */
export const claimAward = (deps: AppDeps, userId: string, token: string) =>
  deps.uow(async (r) => {
    const { award } = await openClaim(deps, r, token);
    const user = await r.users.findById(userId);
    if (!user || award.recipientKind !== "email" || user.email !== award.recipient) {
      throw new DomainError(
        "invitation_for_other_address",
        "This credential was awarded to another address. Sign in with that address to claim it.",
      );
    }
    if (!award.claimedAt) {
      const now = deps.clock();
      await r.awards.update(award.id, { claimedAt: now });
      await audit(r, {
        action: "award.claimed",
        actor: userActor(user.id),
        organizationId: award.organizationId,
        subject: award.id,
        at: now,
      });
    }
    return award;
  });
