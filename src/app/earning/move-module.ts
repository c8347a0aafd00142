import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn, moduleOf, saveCourseIn } from "./course-access.ts";

/** Moves a module one place up or down in the course's order. */
export const moveModule = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  achievementId: string,
  moduleId: string,
  direction: string,
) =>
  deps.uow(async (r) => {
    if (direction !== "up" && direction !== "down") {
      throw new DomainError("validation_failed", "Move a module up or down.");
    }
    const { course } = await editableCourseIn(deps, r, actor, slug, achievementId);
    const { index, module } = moduleOf(course, moduleId);
    const target = direction === "up" ? index - 1 : index + 1;
    const other = course.modules[target];
    if (!other) {
      throw new DomainError(
        "validation_failed",
        `“${module.title}” is already the ${direction === "up" ? "first" : "last"} module.`,
      );
    }
    const modules = course.modules.map((m, i) => (i === index ? other : i === target ? module : m));
    return saveCourseIn(
      deps,
      r,
      actor,
      course,
      { ...course, modules },
      {
        action: "course.module_moved",
        data: { moduleId, direction },
      },
    );
  });
