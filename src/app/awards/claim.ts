import { DomainError } from "../../domain/errors.ts";
import { normalizeEmail } from "../../domain/open-badges/identity-hash.ts";
import { later } from "../../domain/rules.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";
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

/**
 * Following a claim link proves its reader controls the address it was mailed to, so that address becomes a verified
 * address of the signed-in account (unless another account owns it), and every Cairn credential awarded to any of
 * the account's verified addresses goes into its wallet.
 */
async function proveAddress(deps: AppDeps, r: Repositories, userId: string, address: string) {
  const user = await r.users.findById(userId);
  if (!user) throw new DomainError("not_found", "There is no such account.");
  const now = deps.clock();
  if (normalizeEmail(user.email) === address) {
    if (!user.emailVerifiedAt) await r.users.update(user.id, { emailVerifiedAt: now });
    return;
  }
  const [owner, extra] = await Promise.all([r.users.findByEmail(address), r.wallet.findEmail(address)]);
  if (owner || (extra && extra.userId !== userId)) {
    throw new DomainError(
      "invitation_for_other_address",
      "This credential was awarded to an address of another Cairn account. Sign in with that address to claim it.",
    );
  }
  if (!extra)
    await r.wallet.insertEmail({ id: deps.newId(), userId, email: address, verifiedAt: now, createdAt: now });
  else if (!extra.verifiedAt) await r.wallet.verifyEmail(extra.id, now);
}

export const claimAward = (deps: AppDeps, userId: string, token: string) =>
  deps.uow(async (r) => {
    const { award } = await openClaim(deps, r, token);
    if (award.recipientKind !== "email") {
      throw new DomainError(
        "invitation_for_other_address",
        "This credential was awarded to a DID, not an address.",
      );
    }
    await proveAddress(deps, r, userId, award.recipient);
    const attached = await attachHeldIn(deps, r, userId);
    const now = deps.clock();
    if (award.claimedAt && attached === 0) return { award, attached };
    if (!award.claimedAt) await r.awards.update(award.id, { claimedAt: now });
    await audit(r, {
      action: "award.claimed",
      actor: userActor(userId),
      organizationId: award.organizationId,
      subject: award.id,
      data: { attached },
      at: now,
    });
    return { award, attached };
  });
