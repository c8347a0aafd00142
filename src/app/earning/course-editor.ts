import type { Actor } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { editableCourseIn } from "./course-access.ts";

/** What the course editor shows: the micro-credential, its course (empty until first saved) and how many enrolled. */
export const courseEditor = (deps: AppDeps, actor: Actor, slug: string, achievementId: string) =>
  deps.uow(async (r) => {
    const access = await editableCourseIn(deps, r, actor, slug, achievementId);
    const enrolments = access.saved ? await r.enrolments.listForAchievement(achievementId) : [];
    return {
      ...access,
      published: access.achievement.publishedVersion !== null,
      pending: enrolments.filter((e) => e.status === "pending").length,
      enrolled: enrolments.filter((e) => e.status === "active" || e.status === "completed").length,
    };
  });
