import { z } from "zod";
import type { CourseInvitation } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { INVITATION_LIFETIME, later } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { email } from "../inputs.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { courseInvitationMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";

const MAX_AT_ONCE = 100;
const addresses = z
  .string()
  .transform((text) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))])
  .pipe(
    z
      .array(email)
      .min(1, "Enter at least one email address.")
      .max(MAX_AT_ONCE, `Invite at most ${MAX_AT_ONCE} addresses at once.`),
  );

/**
 * Invites people by email to a course: each gets a mail with a personal link (stored only as a digest) that enrols
 * them once they sign in with that address. Addresses already enrolled are skipped; one bad address refuses the lot.
 */
export const inviteLearners = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  text: string,
) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "enrolments:manage");
    const parsed = addresses.safeParse(text);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const bad =
        issue && typeof issue.path[0] === "number"
          ? ` (${text.split(/[\s,;]+/).filter(Boolean)[issue.path[0]]})`
          : "";
      throw new DomainError("validation_failed", "Some fields need attention.", {
        emails: `${issue?.message ?? "Enter email addresses."}${bad}`,
      });
    }
    const achievement = isUuid(achievementId)
      ? await r.achievements.find(organization.id, achievementId)
      : undefined;
    const version =
      achievement?.publishedVersion &&
      (await r.achievements.version(achievementId, achievement.publishedVersion));
    const course = await r.courses.find(achievementId);
    if (!achievement)
      throw new DomainError("achievement_not_found", "This organization has no such micro-credential.");
    if (!version || !course || course.modules.length === 0) {
      throw new DomainError(
        "course_not_ready",
        "Publish the micro-credential and give its course at least one module before inviting learners.",
      );
    }
    const now = deps.clock();
    const inviter =
      actor.kind === "user"
        ? ((await r.users.findById(actor.userId))?.name ?? "A colleague")
        : organization.name;
    const invited: string[] = [];
    const skipped: string[] = [];
    for (const address of parsed.data) {
      const user = await r.users.findByEmail(address);
      const enrolment = user && (await r.enrolments.findFor(achievementId, user.id));
      if (enrolment && (enrolment.status === "active" || enrolment.status === "completed")) {
        skipped.push(address);
        continue;
      }
      const token = deps.secrets.token();
      const invitation: CourseInvitation = {
        id: deps.newId(),
        achievementId,
        email: address,
        tokenHash: deps.secrets.digest(token),
        invitedBy: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
        expiresAt: later(now, INVITATION_LIFETIME),
        acceptedAt: null,
      };
      await r.enrolments.insertInvitation(invitation);
      await queueMail(
        r,
        `course-invitation:${invitation.id}`,
        courseInvitationMessage(
          address,
          organization.name,
          version.definition.name,
          inviter,
          `${deps.publicUrl}/learn/invitations/${token}`,
        ),
      );
      invited.push(address);
    }
    await audit(r, {
      action: "enrolment.invited",
      actor,
      organizationId: organization.id,
      subject: achievementId,
      data: { invited, skipped },
      at: now,
    });
    return { invited, skipped };
  });
