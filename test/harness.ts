import pino from "pino";
import { inject } from "vitest";
import { deliverMail } from "../src/app/mail/deliver-mail.ts";
import type { AppDeps, Mailer } from "../src/app/ports.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { migrate, migrationsApplied } from "../src/db/migrate.ts";
import { createUnitOfWork } from "../src/db/unit-of-work.ts";
import { createApp } from "../src/http/app.ts";
import { type Jobs, startJobs } from "../src/jobs/boss.ts";
import { outboxMailer } from "../src/mail/mailer.ts";
import { argon2Passwords } from "../src/security/passwords.ts";
import { newId, nodeSecrets } from "../src/security/secrets.ts";
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
  options: { mailer?: Mailer; clock?: () => Date; bodyLimit?: number; publicUrl?: string } = {},
): Promise<TestContext> {
  const { database, drop } = await testDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const jobs = await startJobs(database, logger, { pollingIntervalSeconds: 0.5 });
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const deps: AppDeps = {
    uow: createUnitOfWork(database, jobs.queueOn),
    clock: options.clock ?? (() => new Date()),
    newId,
    secrets: nodeSecrets,
    passwords: argon2Passwords({ fast: true }),
    publicUrl,
  };
  const mailer = options.mailer ?? outboxMailer();
  await jobs.startWorkers({ "mail.send": (payload) => deliverMail({ ...deps, mailer }, payload) });
  const app = createApp({
    ...deps,
    logger,
    mailer,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    readiness: async () => ({ database: true, migrations: await migrationsApplied(database.db) }),
  });
  return {
    database,
    jobs,
    deps,
    app,
    publicUrl,
    async close() {
      await jobs.stop(5_000);
      await drop();
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
