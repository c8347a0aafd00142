import { catalogEntryFacts } from "../../domain/catalog/entry.ts";
import type { AppDeps } from "../ports.ts";

const BATCH = 200;

/**
 * Brings the catalog in line with what is published: rows for micro-credentials published before the catalog
 * existed (or by a path that did not write one), none for those no longer published. Publishing and archiving keep it
 * in line from then on; this runs at start-up and costs two indexed queries when nothing is missing.
 */
export async function syncCatalog(deps: AppDeps): Promise<{ added: number; removed: number }> {
  let added = 0;
  for (;;) {
    const { found, written } = await deps.uow(async (r) => {
      const missing = await r.catalog.unsynced(BATCH);
      let count = 0;
      for (const m of missing) {
        const version = await r.achievements.version(m.achievementId, m.version);
        if (!version) continue;
        await r.catalog.upsert(
          catalogEntryFacts(version.definition, {
            ...m,
            publishedAt: version.publishedAt ?? version.createdAt,
          }),
        );
        count += 1;
      }
      return { found: missing.length, written: count };
    });
    added += written;
    // A short batch is the last; one with an unreadable version would come back forever, so it ends too.
    if (found < BATCH || written < found) break;
  }
  const removed = await deps.uow((r) => r.catalog.removeUnpublished());
  return { added, removed };
}
