import type { Enrolment } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { openCourseInvitationIn } from "./course-invitation.ts";
import { alreadyEnrolled } from "./learner-course.ts";

/**
 * The invitee, signed in with the invited address, accepts: they are enrolled and active at once (an earlier pending
 * or declined request becomes active). The link works once.
 */
export const acceptCourseInvitation = (deps: AppDeps, userId: string, token: string): Promise<Enrolment> =>
  deps.uow(async (r) => {
    const { invitation, organization } = await openCourseInvitationIn(deps, r, token);
    const user = await r.users.findById(userId);
    if (!user || user.email !== invitation.email) {
      throw new DomainError(
        "invitation_for_other_address",
        `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
      );
    }
    const now = deps.clock();
    const existing = await r.enrolments.findFor(invitation.achievementId, user.id);
    if (existing?.status === "active" || existing?.status === "completed") {
      throw alreadyEnrolled(existing, organization);
    }
    const enrolment: Enrolment = existing
      ? { ...existing, status: "active", decidedAt: now, decidedBy: invitation.invitedBy }
      : {
          id: deps.newId(),
          achievementId: invitation.achievementId,
          organizationId: organization.id,
          userId: user.id,
          status: "active",
          createdAt: now,
          decidedAt: now,
          decidedBy: invitation.invitedBy,
          completedAt: null,
          awardId: null,
          evidencePublic: false,
        };
    if (existing) {
      await r.enrolments.update(existing.id, {
        status: "active",
        decidedAt: now,
        decidedBy: invitation.invitedBy,
      });
    } else if (!(await r.enrolments.insert(enrolment))) {
      // A concurrent accept (or enrolment) got there first.
      const winner = await r.enrolments.findFor(invitation.achievementId, user.id);
      if (winner) throw alreadyEnrolled(winner, organization);
    }
    await r.enrolments.acceptInvitation(invitation.id, now);
    if (!user.emailVerifiedAt) await r.users.update(user.id, { emailVerifiedAt: now });
    await audit(r, {
      action: "enrolment.invitation_accepted",
      actor: userActor(user.id),
      organizationId: organization.id,
      subject: enrolment.id,
      data: { achievementId: invitation.achievementId, invitationId: invitation.id },
      at: now,
    });
    return enrolment;
  });
