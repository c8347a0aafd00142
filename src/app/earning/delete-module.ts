import type { Rule } from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn, moduleOf, saveCourseIn } from "./course-access.ts";

/** The module and assessment ids a rule tree names. */
const namedIds = (rule: Rule): string[] => {
  switch (rule.kind) {
    case "all":
    case "any":
      return rule.rules.flatMap(namedIds);
    case "module":
      return [rule.moduleId];
    case "quiz":
      return [rule.quizId];
    case "rubric":
      return [rule.projectId];
    case "reviews":
      return rule.projectId ? [rule.projectId] : [];
  }
};

/**
 * Deletes a module with its assessments. Refused while the course's own criteria rules name the module or one of
 * its assessments: the rules would then ask for something nobody can do.
 */
export const deleteModule = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  moduleId: string,
) =>
  deps.uow(async (r) => {
    const { course } = await editableCourseIn(deps, r, actor, slug, achievementId);
    const { module } = moduleOf(course, moduleId);
    const ids = new Set([module.id, ...module.assessments.map((a) => a.id)]);
    if (course.rules && namedIds(course.rules).some((id) => ids.has(id))) {
      throw new DomainError(
        "module_in_rules",
        `The criteria rules name “${module.title}” or one of its assessments. Change the rules first.`,
      );
    }
    return saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules: course.modules.filter((m) => m.id !== moduleId) },
      { action: "course.module_deleted", data: { moduleId, title: module.title } },
    );
  });
