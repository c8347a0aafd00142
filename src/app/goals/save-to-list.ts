import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { AppDeps } from "../ports.ts";

/**
 * Saves a micro-credential of the catalog to the learner's list; saving it again changes nothing. Only what the
 * catalog offers (published) can be saved.
 */
export const saveToList = (deps: AppDeps, userId: string, achievementId: string) =>
  deps.uow(async (r) => {
    const id = isUuid(achievementId) ? achievementId.toLowerCase() : undefined;
    const [entry] = id ? await r.catalog.find([id]) : [];
    if (!entry) {
      throw new DomainError(
        "catalog_entry_not_found",
        "That micro-credential is not (or no longer) in the catalog, so it cannot be saved.",
      );
    }
    const added = await r.goals.addSaved(userId, entry.achievementId, deps.clock());
    return { name: entry.name, added };
  });
