import type { EnrolmentMode } from "../../domain/earning/course.ts";
import type { EnrolmentStatus } from "../../domain/earning/enrolment.ts";
import type { AppDeps } from "../ports.ts";

export type CourseOffer = { mode: EnrolmentMode; modules: number; status: EnrolmentStatus | undefined };

/**
 * Whether a micro-credential has a course to enrol on, and where this person stands (if signed in). For its public
 * page, which has already found it published.
 */
export const courseOffer = (deps: AppDeps, achievementId: string, userId: string | undefined) =>
  deps.uow(async (r): Promise<CourseOffer | undefined> => {
    const course = await r.courses.find(achievementId);
    if (!course || course.modules.length === 0) return undefined;
    const enrolment = userId ? await r.enrolments.findFor(achievementId, userId) : undefined;
    return { mode: course.enrolment, modules: course.modules.length, status: enrolment?.status };
  });
