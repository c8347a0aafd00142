import { DAY, MINUTE } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { editableCourseIn, saveCourseIn } from "../earning/course-access.ts";
import type { AppDeps } from "../ports.ts";
import { DEMO_COURSE } from "./demo-course-content.ts";
import { publishDemoDefinitions } from "./demo-definitions.ts";

/** The demo's story happens in the past: these deps' clock stands `daysAgo` days (plus `minutes`) before `start`. */
export type StoryClock = (daysAgo: number, minutes?: number) => AppDeps;

export const storyClock =
  (deps: AppDeps, start: Date): StoryClock =>
  (daysAgo, minutes = 0) => {
    const at = start.getTime() - daysAgo * DAY + minutes * MINUTE;
    return { ...deps, clock: () => new Date(at) };
  };

/** When Northfield published the path, before anyone enrolled (on the first seed). */
const PUBLISHED_DAYS_AGO = 30;

/** The demo's people looked up by address; undefined when one is missing (seedDemo makes them all). */
export async function demoUsers(deps: AppDeps, emails: readonly string[]) {
  const users = await deps.uow((r) => Promise.all(emails.map((email) => r.users.findByEmail(email))));
  return users.every((u) => u !== undefined) ? users : undefined;
}

/**
 * Publishes "Accessible Dashboards" (with the other Northfield micro-credentials) as the owner and gives it the
 * demo's learning path through the course editor's own save, once: a path someone already edited is left as it is.
 */
export async function publishDemoCourse(
  at: StoryClock,
  slug: string,
  owner: Actor,
): Promise<{ achievementId: string; name: string }> {
  const deps = at(PUBLISHED_DAYS_AGO);
  const definitions = await publishDemoDefinitions(deps, owner, slug);
  const achievement = definitions["accessible-dashboards"];
  if (!achievement) throw new Error("The demo definitions lack Accessible Dashboards.");
  await deps.uow(async (r) => {
    const { course, saved } = await editableCourseIn(deps, r, owner, slug, achievement.id);
    if (saved) return;
    await saveCourseIn(deps, r, owner, course, DEMO_COURSE, {
      action: "course.created",
      data: { modules: DEMO_COURSE.modules.length, source: "demo" },
    });
  });
  return { achievementId: achievement.id, name: achievement.name };
}
