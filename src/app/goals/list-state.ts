import type { AppDeps } from "../ports.ts";

/** Whether a micro-credential can be saved (it is in the catalog) and whether this learner saved it. */
export const listState = (deps: AppDeps, userId: string, achievementId: string) =>
  deps.uow(async (r) => {
    const [entry] = await r.catalog.find([achievementId]);
    const saved = (await r.goals.savedList(userId)).some((s) => s.achievementId === achievementId);
    return { inCatalog: Boolean(entry), saved };
  });
