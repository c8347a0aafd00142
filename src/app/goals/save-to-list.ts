import { DomainError } from "../../domain/errors.ts";
import type { AppDeps } from "../ports.ts";

/**
 * Saves a micro-credential of the catalog to the learner's list; saving it again changes nothing. Only what the
 * catalog offers (published) can be saved.
 */
export const saveToList = (deps: AppDeps, userId: string, achievementId: string) =>
  deps.uow(async (r) => {
    const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(achievementId)
      ? achievementId.toLowerCase()
      : undefined;
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
