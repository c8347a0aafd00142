import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { inject } from "vitest";
import type { AppDeps, Mailer } from "../src/app/ports.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { diskFileStore } from "../src/files/disk-file-store.ts";
import { createApp } from "../src/http/app.ts";
import { type Jobs, startJobs } from "../src/jobs/boss.ts";
import { jobHandlers } from "../src/jobs/handlers.ts";
import { outboxMailer } from "../src/mail/mailer.ts";
import { argon2Passwords } from "../src/security/passwords.ts";
import { wire } from "../src/wiring.ts";
import { withDatabase } from "./postgres-server.ts";

export type TestDbKind = "pglite" | "postgres";
export const testDbKind = (): TestDbKind =>
  process.env.CAIRN_TEST_DB === "postgres" ? "postgres" : "pglite";

/** A fresh, migrated database of the kind this test project runs on: in-memory PGlite, or a new PostgreSQL database. */
export async function testDatabase(): Promise<{
  database: Database;
  url: string | undefined;
  drop(): Promise<void>;
}> {
  if (testDbKind() === "postgres") {
    const created = await withDatabase(inject("postgresUrl"));
    const database = await openDatabase({ kind: "postgres", url: created.url });
    await migrate(database.db);
    return {
      database,
      url: created.url,
      async drop() {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDatabase({ kind: "pglite", dataDir: undefined });
  await migrate(database.db);
  return { database, url: undefined, drop: () => database.close() };
}

export type TestContext = {
  database: Database;
  jobs: Jobs;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  publicUrl: string;
  close(): Promise<void>;
};

/** Everything real (database, pg-boss workers, argon2, HTTP app); only argon2's cost is lowered for speed. */
export async function startTestContext(
  options: {
    mailer?: Mailer;
    clock?: () => Date;
    bodyLimit?: number;
    publicUrl?: string;
    randomUint32?: () => number;
  } = {},
): Promise<TestContext> {
  const { database, drop } = await testDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const jobs = await startJobs(database, logger, { pollingIntervalSeconds: 0.5 });
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const mailer = options.mailer ?? outboxMailer();
  const filesDir = mkdtempSync(join(tmpdir(), "cairn-files-"));
  const { deps, httpDeps } = wire({
    database,
    jobs,
    logger,
    mailer,
    passwords: argon2Passwords({ fast: true }),
    masterKey: randomBytes(32),
    publicUrl,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    fileStore: diskFileStore(filesDir),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.randomUint32 ? { random: options.randomUint32 } : {}),
  });
  await jobs.startWorkers(jobHandlers(deps, mailer));
  const app = createApp(httpDeps);
  return {
    database,
    jobs,
    deps,
    app,
    publicUrl,
    async close() {
      await jobs.stop(5_000);
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (mail arrives through a real job, asynchronously). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The newest outbox message to `to` whose subject matches, once the mail job has run. */
export const mailTo = (ctx: TestContext, to: string, subject: RegExp = /./) =>
  eventually(async () => {
    const entries = await ctx.deps.uow((r) => r.outbox.list(200));
    return entries.find((m) => m.to === to && subject.test(m.subject));
  });

export const linkIn = (text: string, path: string): string => {
  const match = new RegExp(`http://localhost:3000(${path}[^\\s]*)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
};
