import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type SqlRows = { rows: Record<string, unknown>[] };
/** Raw SQL with $1-style parameters; several statements are allowed when there are no parameters. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<SqlRows>;

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  executeSql: ExecuteSql;
  /** For pg-boss on PostgreSQL: its own pool on the same server. Absent on PGlite, which has one connection. */
  connectionString: string | undefined;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | undefined }
  | { kind: "postgres"; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    connectionString: url,
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    },
    close: () => pool.end(),
  };
}

/** `dataDir` undefined gives an in-memory database (tests). */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    connectionString: undefined,
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => client.close(),
  };
}

/** Turns `$1`-style SQL into a Drizzle SQL object, so raw statements (pg-boss's) can join a Drizzle transaction. */
export function parameterized(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: (SQL | ReturnType<typeof sql.param>)[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1] ?? null));
  });
  return sql.join(chunks, sql.raw(""));
}

/** Runs raw SQL inside a Drizzle transaction (or database handle). */
export const executeSqlOn =
  (handle: Db): ExecuteSql =>
  async (text, values) => {
    const result = (await handle.execute(parameterized(text, values ?? []))) as unknown as SqlRows;
    return { rows: result.rows ?? [] };
  };
