import type { GoalsInput } from "../../domain/catalog/goals.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppDeps } from "../ports.ts";

/** Sets a learner's goals; a pathway must be one the catalog offers (published). No goals at all is allowed. */
export const setLearnerGoals = (deps: AppDeps, userId: string, input: GoalsInput) =>
  deps.uow(async (r) => {
    if (input.pathwayId && !(await r.catalog.pathways()).some((p) => p.id === input.pathwayId)) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        pathwayId: "That pathway is not (or no longer) published. Choose one from the list.",
      });
    }
    await r.goals.save({ userId, skills: input.skills, pathwayId: input.pathwayId, updatedAt: deps.clock() });
  });
