import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { JobQueue } from "../app/ports.ts";
import type { Database, ExecuteSql } from "../db/client.ts";
import { JOBS, type JobHandlers, type JobName, type JobPayload } from "./definitions.ts";

export type Jobs = {
  /** A queue bound to a connection: `send` writes the job in that connection's transaction. */
  queueOn(executeSql: ExecuteSql): JobQueue;
  startWorkers(handlers: JobHandlers): Promise<void>;
  /** Stops fetching, waits for running jobs to finish (up to `timeoutMs`), then stops. */
  stop(timeoutMs?: number): Promise<void>;
};

const isJobName = (name: string): name is JobName => name in JOBS;

/** pg-boss on the same database: on PostgreSQL with its own small pool, on PGlite through executeSql. */
export async function startJobs(
  database: Database,
  logger: Logger,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<Jobs> {
  const boss = new PgBoss(
    database.connectionString
      ? { connectionString: database.connectionString, max: 4, application_name: "cairn-jobs" }
      : { db: { executeSql: (text, values) => database.executeSql(text, values) } },
  );
  boss.on("error", (error) => logger.error({ err: error }, "job system error"));
  await boss.start();
  for (const [name, definition] of Object.entries(JOBS)) {
    await boss.createQueue(name, { name, ...definition.retry });
  }

  return {
    queueOn: (executeSql) => ({
      async send(name, payload, sendOptions) {
        if (!isJobName(name)) throw new Error(`Unknown job ${name}`);
        const definition = JOBS[name];
        await boss.send(name, definition.payload.parse(payload), {
          ...definition.retry,
          ...(sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
          db: { executeSql: (text, values) => executeSql(text, values) },
        });
      },
    }),
    async startWorkers(handlers) {
      const work = async <N extends JobName>(name: N) => {
        const run = (payload: JobPayload<N>) => handlers[name](payload);
        const schema = JOBS[name].payload as unknown as { parse(data: unknown): JobPayload<N> };
        await boss.work(
          name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) {
              const log = logger.child({ job: name, jobId: job.id });
              try {
                await run(schema.parse(job.data));
                log.debug("job done");
              } catch (error) {
                log.warn({ err: error }, "job failed; pg-boss will retry with backoff");
                throw error;
              }
            }
          },
        );
      };
      for (const name of Object.keys(JOBS) as JobName[]) await work(name);
      // Recurring jobs: pg-boss keeps the schedule in the database and, across any number of workers,
      // queues each cron tick once; re-scheduling on every start just updates the row.
      for (const [name, definition] of Object.entries(JOBS)) {
        if ("cron" in definition) await boss.schedule(name, definition.cron, {}, { tz: "UTC" });
      }
    },
    async stop(timeoutMs = 20_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
    },
  };
}
