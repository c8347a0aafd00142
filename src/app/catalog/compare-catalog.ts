import type { Definition } from "../../domain/achievements/definition.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppDeps, CatalogEntry } from "../ports.ts";
import { accreditorsOf, ownIds } from "./catalog-scope.ts";

export type ComparedEntry = CatalogEntry & {
  definition: Definition;
  accreditedBy: string[];
  stacksToward: { id: string; name: string }[];
};

/** Two to four catalog entries side by side, in the order asked, each with its published definition. */
export const compareCatalog = (deps: AppDeps, ids: readonly string[]) =>
  deps.uow(async (r) => {
    const found = await r.catalog.find(ids);
    const scopes = await r.catalog.accreditedScopes(deps.clock());
    const pathways = (await r.catalog.pathways()).map((p) => ({
      ...p,
      achievementIds: ownIds(deps.publicUrl, p.componentIds),
    }));
    const compared: ComparedEntry[] = [];
    for (const id of ids) {
      const entry = found.find((e) => e.achievementId === id);
      const version = entry && (await r.achievements.version(id, entry.version));
      if (!entry || !version)
        throw new DomainError(
          "catalog_entry_not_found",
          "One of these is not (or no longer) in the catalog. Go back and choose again.",
        );
      compared.push({
        ...entry,
        definition: version.definition,
        accreditedBy: accreditorsOf(scopes, entry),
        stacksToward: pathways
          .filter((p) => p.achievementIds.includes(id))
          .map(({ id: pathwayId, name }) => ({ id: pathwayId, name })),
      });
    }
    return compared;
  });
