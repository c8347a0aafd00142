import { DomainError } from "../../domain/errors.ts";
import type { Invitation, Organization } from "../../domain/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export type InvitationView = { invitation: Invitation; organization: Organization };

async function openInvitation(deps: AppDeps, r: Repositories, token: string): Promise<InvitationView> {
  const invitation = await r.invitations.findByTokenHash(deps.secrets.digest(token));
  const organization = invitation && (await r.organizations.findById(invitation.organizationId));
  if (
    !invitation ||
    !organization ||
    invitation.revokedAt ||
    invitation.acceptedAt ||
    invitation.expiresAt <= deps.clock()
  ) {
    throw new DomainError(
      "invalid_link",
      "This invitation is invalid, expired, withdrawn or already accepted.",
    );
  }
  return { invitation, organization };
}

export const viewInvitation = (deps: AppDeps, token: string) =>
  deps.uow((r) => openInvitation(deps, r, token));

/**
 * The invited person joins with the invited role. The signed-in account must have the invited address:
 * the link proves control of that mailbox, so the address also counts as verified.
 */
export const acceptInvitation = (deps: AppDeps, userId: string, token: string): Promise<Organization> =>
  deps.uow(async (r) => {
    const { invitation, organization } = await openInvitation(deps, r, token);
    const user = await r.users.findById(userId);
    if (!user || user.email !== invitation.email) {
      throw new DomainError(
        "invitation_for_other_address",
        `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
      );
    }
    const now = deps.clock();
    if (!(await r.invitations.markAccepted(invitation.id, now))) {
      throw new DomainError("invalid_link", "This invitation was already accepted.");
    }
    if (!(await r.memberships.find(organization.id, user.id))) {
      await r.memberships.insert({
        organizationId: organization.id,
        userId: user.id,
        role: invitation.role,
        createdAt: now,
      });
    }
    if (!user.emailVerifiedAt) await r.users.update(user.id, { emailVerifiedAt: now });
    await audit(r, {
      action: "member.joined",
      actor: userActor(user.id),
      organizationId: organization.id,
      subject: user.email,
      data: { role: invitation.role },
      at: now,
    });
    return organization;
  });
