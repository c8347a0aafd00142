import { DomainError } from "../../domain/errors.ts";
import type { AppDeps } from "../ports.ts";
import { publishedCourseIn, requireAdmitted } from "./learner-course.ts";

/** One module for a learner whose enrolment is active or completed, with whether they have completed it. */
export const viewModule = (deps: AppDeps, userId: string, achievementId: string, moduleId: string) =>
  deps.uow(async (r) => {
    const { name, organization, course } = await publishedCourseIn(r, achievementId);
    const enrolment = requireAdmitted(await r.enrolments.findFor(achievementId, userId), organization);
    const index = course.modules.findIndex((m) => m.id === moduleId);
    const module = course.modules[index];
    if (!module) throw new DomainError("module_not_found", "This course has no such module.");
    const progress = await r.enrolments.progress(enrolment.id);
    return {
      name,
      organization,
      enrolment,
      module,
      position: index + 1,
      count: course.modules.length,
      next: course.modules[index + 1],
      done: progress.modulesCompleted.includes(module.id),
    };
  });
