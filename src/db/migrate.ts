import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
// Any fixed 64-bit number: every Cairn instance takes the same lock before migrating.
const MIGRATION_LOCK = 7_215_550_001;

export type MigrationResult = { applied: string[]; total: number };

/**
 * Applies pending migrations in order, in one transaction under an advisory lock, so two instances
 * starting at once neither race nor apply a migration twice. Running it again applies nothing.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS cairn_migrations (hash text PRIMARY KEY, created_at bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = (await tx.execute(sql`SELECT hash FROM cairn_migrations`)) as unknown as {
      rows: { hash: string }[];
    };
    const known = new Set(done.rows.map((row) => row.hash));
    for (const migration of migrations) {
      if (known.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`INSERT INTO cairn_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
      );
      applied.push(String(migration.folderMillis));
    }
  });
  return { applied, total: migrations.length };
}

/** True when every migration this build knows is applied (used by /readyz). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  try {
    const done = (await db.execute(sql`SELECT hash FROM cairn_migrations`)) as unknown as {
      rows: { hash: string }[];
    };
    const known = new Set(done.rows.map((row) => row.hash));
    return migrations.every((m) => known.has(m.hash));
  } catch {
    return false;
  }
}
