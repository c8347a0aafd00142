import type { Enrolment } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { alreadyEnrolled, publishedCourseIn } from "./learner-course.ts";

/**
 * A signed-in learner enrols on a published micro-credential's course: an open course admits them at once, a course
 * by approval records a pending request, a course by invitation only admits through an invitation link.
 * Enrolling twice is refused and leaves the first enrolment as it was.
 */
export const enrol = (deps: AppDeps, userId: string, achievementId: string): Promise<Enrolment> =>
  deps.uow(async (r) => {
    const { organization, course } = await publishedCourseIn(r, achievementId);
    const existing = await r.enrolments.findFor(achievementId, userId);
    if (existing) throw alreadyEnrolled(existing, organization);
    if (course.enrolment === "invitation") {
      throw new DomainError(
        "invitation_required",
        `This course admits learners by invitation. Ask ${organization.name} for one: the link in the invitation enrols you.`,
      );
    }
    const now = deps.clock();
    const enrolment: Enrolment = {
      id: deps.newId(),
      achievementId,
      organizationId: organization.id,
      userId,
      status: course.enrolment === "open" ? "active" : "pending",
      createdAt: now,
      decidedAt: course.enrolment === "open" ? now : null,
      decidedBy: null,
      completedAt: null,
      awardId: null,
      evidencePublic: false,
    };
    if (!(await r.enrolments.insert(enrolment))) {
      const winner = await r.enrolments.findFor(achievementId, userId);
      if (winner) throw alreadyEnrolled(winner, organization);
    }
    await audit(r, {
      action: enrolment.status === "active" ? "enrolment.enrolled" : "enrolment.requested",
      actor: userActor(userId),
      organizationId: organization.id,
      subject: enrolment.id,
      data: { achievementId },
      at: now,
    });
    return enrolment;
  });
