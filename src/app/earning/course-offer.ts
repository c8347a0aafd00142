import type { EnrolmentMode } from "../../domain/earning/course.ts";
import type { EnrolmentStatus } from "../../domain/earning/enrolment.ts";
import { isDomainError } from "../../domain/errors.ts";
import type { AppDeps } from "../ports.ts";
import { publishedCourseIn } from "./learner-course.ts";

export type CourseOffer = { mode: EnrolmentMode; modules: number; status: EnrolmentStatus | undefined };

/** Whether a published micro-credential has a course to enrol on, and where this person stands (if signed in). */
export const courseOffer = (deps: AppDeps, achievementId: string, userId: string | undefined) =>
  deps.uow(async (r): Promise<CourseOffer | undefined> => {
    try {
      const { course } = await publishedCourseIn(r, achievementId);
      const enrolment = userId ? await r.enrolments.findFor(achievementId, userId) : undefined;
      return { mode: course.enrolment, modules: course.modules.length, status: enrolment?.status };
    } catch (error) {
      if (isDomainError(error) && error.code === "course_not_found") return undefined;
      throw error;
    }
  });
