import { DomainError } from "../../domain/errors.ts";
import { normalizeEmail } from "../../domain/open-badges/identity-hash.ts";
import { later } from "../../domain/rules.ts";
import { credentialOfStored } from "../../domain/wallet/credential-display.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn, attachOneIn, verifiedEmailsIn } from "../wallet/attach-awards.ts";
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
 * Claims an award into the signed-in account. When the account's own address (or one it confirmed) is the award's,
 * following the link confirms it and every Cairn credential awarded to the account's addresses joins the wallet.
 * When it is not (a forwarded mail, a second account), only this one credential joins, marked as naming someone else
 * until the account confirms the address itself: a link opened once never hands over an address.
 */
export const claimAward = (deps: AppDeps, userId: string, token: string) =>
  deps.uow(async (r) => {
    const { award } = await openClaim(deps, r, token);
    const user = await r.users.findById(userId);
    if (!user) throw new DomainError("not_found", "There is no such account.");
    if (award.recipientKind !== "email") {
      throw new DomainError(
        "invitation_for_other_address",
        "This credential was awarded to a DID, not an address.",
      );
    }
    const now = deps.clock();
    const own = normalizeEmail(user.email) === award.recipient;
    if (own && !user.emailVerifiedAt) await r.users.update(user.id, { emailVerifiedAt: now });
    const proven = own || (await verifiedEmailsIn(r, userId)).includes(award.recipient);
    let attached = 0;
    if (proven) {
      attached = await attachHeldIn(deps, r, userId);
    } else {
      const holders = await r.wallet.holdersOf(award.id);
      if (holders.some((holder) => holder !== userId)) {
        throw new DomainError(
          "invitation_for_other_address",
          "This credential is already in another Cairn account. Sign in with the account it was awarded to.",
        );
      }
      const credential = await r.issuedCredentials.find(award.organizationId, award.credentialId);
      const json = credential && credentialOfStored(credential.document);
      if (credential && json && (await attachOneIn(deps, r, userId, award, json, credential.format, false))) {
        attached = 1;
      }
    }
    if (award.claimedAt && attached === 0) return { award, attached, proven };
    if (!award.claimedAt) await r.awards.update(award.id, { claimedAt: now });
    await audit(r, {
      action: "award.claimed",
      actor: userActor(userId),
      organizationId: award.organizationId,
      subject: award.id,
      data: { attached, proven },
      at: now,
    });
    return { award, attached, proven };
  });
