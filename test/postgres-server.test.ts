import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startPostgres, withDatabase } from "./postgres-server.ts";

describe("startPostgres", () => {
  it("starts a throwaway server, creates a database on it, and removes everything on stop", async () => {
    const server = await startPostgres();
    const dataDir = await (async () => {
      const db = await withDatabase(server.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const version = await client.query<{ version: string; server_version_num: string; dir: string }>(
          "select version(), current_setting('server_version_num') as server_version_num, current_setting('data_directory') as dir",
        );
        const row = version.rows[0];
        expect(row?.version).toMatch(/^PostgreSQL \d+/);
        expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000);
        const current = await client.query<{ name: string }>("select current_database() as name");
        expect(current.rows[0]?.name).toBe(db.name);
        return row?.dir ?? "";
      } finally {
        await client.end();
        await db.drop();
      }
    })();
    expect(dataDir).not.toBe("");
    expect(existsSync(dataDir)).toBe(true);
    await server.stop();
    expect(existsSync(dataDir)).toBe(false);
    await expect(server.stop()).resolves.toBeUndefined();
  }, 60_000);
});
