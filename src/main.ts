import { join } from "node:path";
import { serve as serveHttp } from "@hono/node-server";
import pino, { type Logger } from "pino";
import { syncCatalog } from "./app/catalog/sync-catalog.ts";
import type { AppDeps, Mailer } from "./app/ports.ts";
import { ensureStarterSkills } from "./app/skills/ensure-starter-skills.ts";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { lockDataDir } from "./db/data-dir-lock.ts";
import { migrate } from "./db/migrate.ts";
import { diskFileStore } from "./files/disk-file-store.ts";
import { createApp } from "./http/app.ts";
import type { HttpDeps } from "./http/env.ts";
import { type Jobs, startJobs } from "./jobs/boss.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { outboxMailer, smtpMailer } from "./mail/mailer.ts";
import { resolveMasterKey } from "./security/master-key.ts";
import { argon2Passwords } from "./security/passwords.ts";
import { wire } from "./wiring.ts";

export type Runtime = {
  config: Config;
  logger: Logger;
  database: Database;
  jobs: Jobs;
  mailer: Mailer & { close(): void };
  deps: AppDeps;
  httpDeps: HttpDeps;
  close(): Promise<void>;
};

export const createLogger = (config: Pick<Config, "logLevel">): Logger =>
  pino({
    level: config.logLevel,
    base: { service: "cairn" },
    redact: {
      paths: ["password", "*.password", "token", "*.token", "secret", "*.secret"],
      censor: "[redacted]",
    },
  });

/** Wires config → database → adapters → use-case deps. Every command goes through here; tests wire their own. */
export async function openRuntime(
  config: Config,
  options: { workers: boolean; logger?: Logger },
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  const masterKey = resolveMasterKey(config);
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    database = await openDatabase(
      config.databaseUrl
        ? { kind: "postgres", url: config.databaseUrl }
        : { kind: "pglite", dataDir: config.dataDir },
    );
    const migrated = await migrate(database.db);
    if (migrated.applied.length) logger.info({ applied: migrated.applied }, "migrations applied");
    const jobs = await startJobs(database, logger);
    const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer();
    const { deps, httpDeps } = wire({
      database,
      jobs,
      logger,
      mailer,
      passwords: argon2Passwords(),
      masterKey,
      publicUrl: config.publicUrl,
      bodyLimit: config.bodyLimit,
      fileStore: diskFileStore(join(config.dataDir, "files")),
    });
    await ensureStarterSkills(deps);
    const catalog = await syncCatalog(deps);
    if (catalog.added || catalog.removed)
      logger.info(catalog, "catalog brought in line with what is published");
    if (options.workers) await jobs.startWorkers(jobHandlers(deps, mailer));
    const db = database;
    return {
      config,
      logger,
      database: db,
      jobs,
      mailer,
      deps,
      httpDeps,
      async close() {
        await jobs.stop();
        mailer.close();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    await database?.close().catch(() => {});
    unlock();
    throw error;
  }
}

/** `cairn serve`: the web server and (unless disabled) the job workers, with a graceful stop on SIGTERM/SIGINT. */
export async function serve(config: Config, options: { workers: boolean }): Promise<void> {
  const runtime = await openRuntime(config, options);
  const { logger, database } = runtime;
  const app = createApp(runtime.httpDeps);
  const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  logger.info(
    { url: config.publicUrl, port: config.port, database: database.kind, workers: options.workers },
    "Cairn is listening",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: no new requests; finishing requests and running jobs");
    // Stop accepting, let in-flight requests finish; idle keep-alive sockets would otherwise hold close() open.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    await closed;
    await runtime.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
