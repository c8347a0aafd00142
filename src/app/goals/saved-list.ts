import type { AppDeps } from "../ports.ts";

/**
 * A learner's saved list, most recent first: each with its catalog entry, or none when it has left the catalog
 * (archived) since it was saved.
 */
export const savedList = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const saved = await r.goals.savedList(userId);
    const entries = await r.catalog.find(saved.map((s) => s.achievementId));
    return saved.map((s) => ({
      ...s,
      entry: entries.find((e) => e.achievementId === s.achievementId),
    }));
  });
