import { DomainError } from "../../domain/errors.ts";
import type { OrganizationRole } from "../../domain/roles.ts";
import { INVITATION_LIFETIME, later, ROLE_LABELS_LOWER } from "../../domain/rules.ts";
import type { Actor, Invitation } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { invitationMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";

/** Invites an address with a role and mails the link. Inviting the same address again replaces the old link. */
export const inviteMember = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: { email: string; role: OrganizationRole },
): Promise<Invitation> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "members:write");
    const existing = await r.users.findByEmail(input.email);
    if (existing && (await r.memberships.find(organization.id, existing.id))) {
      throw new DomainError("already_member", `${input.email} is already a member.`, {
        email: "This person is already a member.",
      });
    }
    const now = deps.clock();
    await r.invitations.revokeOpen(organization.id, input.email, now);
    const token = deps.secrets.token();
    const tokenHash = deps.secrets.digest(token);
    const invitation: Invitation = {
      id: deps.newId(),
      organizationId: organization.id,
      email: input.email,
      role: input.role,
      invitedBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
      expiresAt: later(now, INVITATION_LIFETIME),
      acceptedAt: null,
      revokedAt: null,
    };
    await r.invitations.insert({ ...invitation, tokenHash });
    const inviter =
      actor.kind === "user"
        ? ((await r.users.findById(actor.userId))?.name ?? "A colleague")
        : organization.name;
    const url = `${deps.publicUrl}/invitations/${token}`;
    await queueMail(
      r,
      `invitation:${invitation.id}`,
      invitationMessage(input.email, organization.name, inviter, ROLE_LABELS_LOWER[input.role], url),
    );
    await audit(r, {
      action: "member.invited",
      actor,
      organizationId: organization.id,
      subject: input.email,
      data: { role: input.role },
      at: now,
    });
    return invitation;
  });
