import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { workforceInvitationMessage } from "../mail/templates.ts";
import type { AppDeps, Repositories, WorkforceMember } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";
import type { EmployeeInviteInput } from "./inputs.ts";

export const memberNotFound = () => new DomainError("workforce_member_not_found", "No such employee.");

async function checkProfile(r: Repositories, organizationId: string, id: string | null) {
  if (id && !(await r.workforce.findProfile(organizationId, id))) {
    throw new DomainError("validation_failed", "Some fields need attention.", {
      roleProfileId: "Choose one of your role profiles.",
    });
  }
}

/**
 * Invites an employee by email to share their wallet, and mails them the link. Inviting the address again sends a
 * new link and starts consent over (a withdrawn employee can be asked again; the old link stops working).
 */
export const inviteEmployee = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: EmployeeInviteInput,
): Promise<WorkforceMember> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    await checkProfile(r, organization.id, input.roleProfileId);
    const existing = await r.workforce.findMemberByEmail(organization.id, input.email);
    if (existing?.consentedAt && !existing.withdrawnAt) {
      throw new DomainError("already_member", `${input.email} already shares their wallet with you.`, {
        email: "This person already shares their wallet with you.",
      });
    }
    const now = deps.clock();
    const token = deps.secrets.token();
    const tokenHash = deps.secrets.digest(token);
    const invite = { tokenHash, name: input.name, roleProfileId: input.roleProfileId, invitedAt: now };
    const member: WorkforceMember = existing
      ? { ...existing, ...invite, userId: null, consentedAt: null, withdrawnAt: null }
      : {
          id: deps.newId(),
          organizationId: organization.id,
          email: input.email,
          ...invite,
          userId: null,
          consentedAt: null,
          withdrawnAt: null,
        };
    if (existing) {
      await r.workforce.reinvite(existing.id, invite);
      if (existing.userId) await refreshTalentSkillsIn(r, existing.userId);
    } else {
      await r.workforce.insertMember({ ...member, tokenHash });
    }
    const inviter =
      actor.kind === "user"
        ? ((await r.users.findById(actor.userId))?.name ?? organization.name)
        : organization.name;
    const url = `${deps.publicUrl}/workforce/invitations/${token}`;
    await queueMail(
      r,
      `workforce_invitation:${tokenHash}`,
      workforceInvitationMessage(input.email, organization.name, inviter, url),
    );
    await audit(r, {
      action: "workforce.invited",
      actor,
      organizationId: organization.id,
      subject: input.email,
      data: { memberId: member.id },
      at: now,
    });
    return member;
  });

export const changeEmployeeProfile = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  memberId: string,
  roleProfileId: string | null,
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const member = await r.workforce.findMember(organization.id, memberId);
    if (!member) throw memberNotFound();
    await checkProfile(r, organization.id, roleProfileId);
    await r.workforce.updateMember(member.id, { roleProfileId });
    await audit(r, {
      action: "workforce.profile_changed",
      actor,
      organizationId: organization.id,
      subject: member.email,
      data: { roleProfileId },
      at: deps.clock(),
    });
  });

/** Removes an employee: the sharing ends and their sponsorship records go with them. */
export const removeEmployee = (deps: AppDeps, actor: Actor, slug: string, memberId: string) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const member = await r.workforce.findMember(organization.id, memberId);
    if (!member || !(await r.workforce.deleteMember(organization.id, memberId))) throw memberNotFound();
    if (member.userId) await refreshTalentSkillsIn(r, member.userId);
    await audit(r, {
      action: "workforce.removed",
      actor,
      organizationId: organization.id,
      subject: member.email,
      at: deps.clock(),
    });
  });
