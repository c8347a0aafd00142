import { isUuid } from "../../domain/ids.ts";
import type { AppDeps } from "../ports.ts";

/** Takes a micro-credential off the learner's own list; one that is not on it changes nothing. */
export const removeFromList = (deps: AppDeps, userId: string, achievementId: string) =>
  deps.uow(async (r) =>
    isUuid(achievementId) ? r.goals.removeSaved(userId, achievementId.toLowerCase()) : false,
  );
