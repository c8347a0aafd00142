import { effectiveRules } from "../../domain/earning/course.ts";
import { ruleChecklist } from "../../domain/earning/progress.ts";
import { percentDone, ruleText } from "../../domain/earning/rule-text.ts";
import type { AppDeps } from "../ports.ts";
import { publishedCourseIn } from "./learner-course.ts";

/**
 * The course as a learner sees it: modules in order with what they have done, and the award rules as a checklist in
 * plain words. Anyone signed in may see the outline; module content is for admitted learners (see view-module).
 */
export const coursePlayer = (deps: AppDeps, userId: string, achievementId: string) =>
  deps.uow(async (r) => {
    const { name, organization, course } = await publishedCourseIn(r, achievementId);
    const enrolment = await r.enrolments.findFor(achievementId, userId);
    const progress = enrolment ? await r.enrolments.progress(enrolment.id) : undefined;
    const checklist = progress
      ? ruleChecklist(effectiveRules(course), progress).map((item) => ({
          ...item,
          text: ruleText(course, item.rule),
        }))
      : [];
    const done = new Set(progress?.modulesCompleted ?? []);
    return {
      name,
      organization,
      course,
      enrolment,
      modules: course.modules.map((module) => ({ module, done: done.has(module.id) })),
      checklist,
      percent: enrolment?.status === "completed" ? 100 : percentDone(checklist),
      now: deps.clock(),
    };
  });
