import { DomainError } from "../../domain/errors.ts";
import { normalizeEmail } from "../../domain/open-badges/identity-hash.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";

async function openInvitation(deps: AppDeps, r: Repositories, token: string) {
  const member = await r.workforce.findMemberByToken(deps.secrets.digest(token));
  const organization = member && (await r.organizations.findById(member.organizationId));
  if (!member || !organization || member.consentedAt || member.withdrawnAt) {
    throw new DomainError("invalid_link", "This link is invalid, replaced by a newer one, or already used.");
  }
  return { member, organization };
}

/** Whether the address the employer invited is the account's own or one it confirmed. */
async function ownsAddress(r: Repositories, userId: string, email: string) {
  const user = await r.users.findById(userId);
  if (!user) return false;
  if (normalizeEmail(user.email) === normalizeEmail(email)) return true;
  const extra = await r.wallet.emails(userId);
  return extra.some((e) => e.verifiedAt && normalizeEmail(e.email) === normalizeEmail(email));
}

/**
 * What consenting would share: the employer, and (for a signed-in learner) the valid credentials in their wallet
 * with the skills each shows. Reading it changes nothing, so a mail scanner opening the link consumes nothing.
 */
export const viewWorkforceInvitation = (deps: AppDeps, token: string, userId: string | undefined) =>
  deps.uow(async (r) => {
    const { member, organization } = await openInvitation(deps, r, token);
    if (!userId) return { member, organization, addressMatches: false, credentials: [] };
    const now = deps.clock();
    const credentials = (await r.wallet.list(userId))
      .filter((entry) => !entry.hidden && heldStatus(entry, now) === "valid")
      .map((entry) => ({
        name: entry.display.name,
        issuer: entry.display.issuerName ?? null,
        skills: entry.display.skills ?? [],
      }));
    return { member, organization, addressMatches: await ownsAddress(r, userId, member.email), credentials };
  });

/** The learner agrees to share their wallet with the employer: their skills enter the index the employer reads. */
export const consentToShare = (deps: AppDeps, userId: string, token: string) =>
  deps.uow(async (r) => {
    const { member, organization } = await openInvitation(deps, r, token);
    if (!(await ownsAddress(r, userId, member.email))) {
      throw new DomainError(
        "invitation_for_other_address",
        `This invitation was sent to ${member.email}. Sign in with that address, or add and confirm it under Account › Addresses.`,
      );
    }
    const now = deps.clock();
    await r.workforce.updateMember(member.id, { userId, consentedAt: now, withdrawnAt: null });
    await refreshTalentSkillsIn(r, userId);
    await audit(r, {
      action: "workforce.consented",
      actor: userActor(userId),
      organizationId: organization.id,
      subject: member.email,
      at: now,
    });
    return organization;
  });
