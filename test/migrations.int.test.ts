import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { migrate, migrationsApplied } from "../src/db/migrate.ts";
import { testDbKind } from "./harness.ts";
import { withDatabase } from "./postgres-server.ts";

describe("migrations", () => {
  it("apply once, then report nothing to do", async () => {
    const created = testDbKind() === "postgres" ? await withDatabase(inject("postgresUrl")) : undefined;
    const database = await openDatabase(
      created ? { kind: "postgres", url: created.url } : { kind: "pglite", dataDir: undefined },
    );
    try {
      expect(await migrationsApplied(database.db)).toBe(false);
      const first = await migrate(database.db);
      expect(first.applied.length).toBe(first.total);
      expect((await migrate(database.db)).applied).toEqual([]);
      expect(await migrationsApplied(database.db)).toBe(true);
    } finally {
      await database.close();
      await created?.drop();
    }
  });

  it.runIf(testDbKind() === "postgres")("are safe when several instances start at once", async () => {
    const created = await withDatabase(inject("postgresUrl"));
    const instances = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ kind: "postgres", url: created.url })),
    );
    try {
      const results = await Promise.all(instances.map((instance) => migrate(instance.db)));
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      const rows = (await instances[0]?.db.execute(
        sql`SELECT count(*)::int AS n FROM cairn_migrations`,
      )) as unknown as { rows: { n: number }[] };
      expect(rows.rows[0]?.n).toBe(results[0]?.total);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await created.drop();
    }
  });
});
