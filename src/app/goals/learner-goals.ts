import type { AppDeps } from "../ports.ts";
import { goalGapsIn } from "./goal-gaps.ts";

const SUGGESTED_SKILLS = 60;

/**
 * The goals page: the learner's goals and where they stand, the published pathways to aim for, and skill names
 * to suggest (the catalog's most common skills).
 */
export const learnerGoals = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const goals = await r.goals.find(userId);
    const pathways = await r.catalog.pathways();
    return {
      goals,
      gaps: await goalGapsIn(deps, r, userId, { goals, pathways }),
      pathways: pathways.map(({ id, name }) => ({ id, name })),
      suggestions: await r.catalog.commonSkills(SUGGESTED_SKILLS),
    };
  });
