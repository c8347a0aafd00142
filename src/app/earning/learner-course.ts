import type { Course } from "../../domain/earning/course.ts";
import type { Enrolment } from "../../domain/earning/enrolment.ts";
import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { Organization } from "../../domain/types.ts";
import type { Repositories } from "../ports.ts";

export type LearnerCourse = { name: string; organization: Organization; course: Course };

/** A published micro-credential's course with modules, as learners see it; anything else is "not found". */
export async function publishedCourseIn(r: Repositories, achievementId: string): Promise<LearnerCourse> {
  const achievement = isUuid(achievementId) ? await r.achievements.findAnywhere(achievementId) : undefined;
  const version =
    achievement?.publishedVersion &&
    (await r.achievements.version(achievementId, achievement.publishedVersion));
  const course = version ? await r.courses.find(achievementId) : undefined;
  const organization = achievement && (await r.organizations.findById(achievement.organizationId));
  if (!version || !course || !organization || course.modules.length === 0) {
    throw new DomainError("course_not_found", "There is no open course for this micro-credential.");
  }
  return { name: version.definition.name, organization, course };
}

/** Why a learner cannot enrol again: each state says where they stand. */
export function alreadyEnrolled(enrolment: Enrolment, organization: Organization): DomainError {
  const message = {
    active: "You are already enrolled on this course.",
    completed: "You have already completed this course.",
    pending: `You have already asked to enrol; ${organization.name} has not decided yet.`,
    declined: `${organization.name} declined your request to enrol on this course.`,
  }[enrolment.status];
  return new DomainError("already_enrolled", message);
}

/** Module content is for learners whose enrolment is active or completed; the others hear why not. */
export function requireAdmitted(enrolment: Enrolment | undefined, organization: Organization): Enrolment {
  if (enrolment?.status === "active" || enrolment?.status === "completed") return enrolment;
  const message = !enrolment
    ? "Enrol on this course to open its modules."
    : enrolment.status === "pending"
      ? `Your enrolment is waiting for ${organization.name} to approve it. You can open the modules once it does.`
      : `${organization.name} declined your enrolment, so the modules stay closed to you.`;
  throw new DomainError("not_enrolled", message);
}
