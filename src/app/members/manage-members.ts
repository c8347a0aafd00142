import { DomainError } from "../../domain/errors.ts";
import type { OrganizationRole } from "../../domain/roles.ts";
import { notFound } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories } from "../ports.ts";

export const listMembers = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const { organization, membership } = await authorizeOrganization(r, actor, slug, "members:read");
    const [members, invitations] = await Promise.all([
      r.memberships.list(organization.id),
      r.invitations.listOpen(organization.id, deps.clock()),
    ]);
    return { organization, membership, members, invitations };
  });

async function guardLastOwner(
  r: Repositories,
  organizationId: string,
  userId: string,
  nextRole: OrganizationRole | null,
) {
  const member = await r.memberships.find(organizationId, userId);
  if (!member) throw notFound("member");
  if (
    member.role === "owner" &&
    nextRole !== "owner" &&
    (await r.memberships.countOwners(organizationId)) <= 1
  ) {
    throw new DomainError(
      "last_owner",
      "An organization needs at least one owner: make someone else owner first.",
    );
  }
  return member;
}

export const changeMemberRole = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  userId: string,
  role: OrganizationRole,
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "members:write");
    const member = await guardLastOwner(r, organization.id, userId, role);
    await r.memberships.updateRole(organization.id, userId, role);
    await audit(r, {
      action: "member.role_changed",
      actor,
      organizationId: organization.id,
      subject: userId,
      data: { from: member.role, to: role },
      at: deps.clock(),
    });
  });

export const removeMember = (deps: AppDeps, actor: Actor, slug: string, userId: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "members:write");
    const member = await guardLastOwner(r, organization.id, userId, null);
    await r.memberships.delete(organization.id, userId);
    await audit(r, {
      action: "member.removed",
      actor,
      organizationId: organization.id,
      subject: userId,
      data: { role: member.role },
      at: deps.clock(),
    });
  });

export const revokeInvitation = (deps: AppDeps, actor: Actor, slug: string, invitationId: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "members:write");
    if (!(await r.invitations.revoke(organization.id, invitationId, deps.clock())))
      throw notFound("invitation");
    await audit(r, {
      action: "member.invitation_revoked",
      actor,
      organizationId: organization.id,
      subject: invitationId,
      at: deps.clock(),
    });
  });
