// Bulk award benchmark: a BENCH_ROWS-row CSV (default 100,000) awarded end to end (parse, validate, store rows, sign,
// allocate status) on PGlite (temp data dir) and PostgreSQL, in-process: the batch handler runs in a loop, not through
// job polling, so the timing is the work. `npm run bench:award` (tsx). BENCH_DB=pglite|postgres runs one of them.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { createAwardBatch } from "../src/app/awards/batches/create-batch.ts";
import { checkedCsvRows } from "../src/app/awards/batches/read-csv.ts";
import { runBatchChunk } from "../src/app/awards/batches/run-batch.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { createApp } from "../src/http/app.ts";
import { signedUp } from "../test/http-client.ts";
import { startPostgres } from "../test/postgres-server.ts";
import { wiredForBench } from "./wired.ts";

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const kinds = (process.env.BENCH_DB ?? "pglite,postgres").split(",");
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function writeCsv(path: string) {
  const out = createWriteStream(path);
  out.write("recipient,recipientName,evidenceUrl,result,issuedOn\n");
  for (let i = 1; i <= rows; i++) {
    const line = `learner${i}@example.org,Learner ${i},https://example.org/evidence/${i},Pass,2026-11-23\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}

async function run(kind: string, database: Database, csvPath: string) {
  await migrate(database.db);
  const { deps, httpDeps, jobs } = await wiredForBench(database);
  const app = createApp(httpDeps);
  const owner = await signedUp(app, { email: "bench@example.org" });
  await owner.submit("/orgs", { name: "Bench Academy", slug: "bench" });
  const definition = {
    name: "Benchmark Basics",
    description: "A micro-credential for benchmarks.",
    criteria: "Pass.",
    learningOutcomes: "Measure things",
    workloadHours: "25",
    ects: "1",
    eqfLevel: "5",
    assessmentType: "practical",
    participationForm: "onsite",
    qualityAssurance: "Reviewed yearly.",
  };
  const id = (await owner.submit("/orgs/bench/achievements", definition)).headers
    .get("location")
    ?.split("/")
    .at(-1);
  await owner.submit(`/orgs/bench/achievements/${id}/publish`, {});
  const [user] = (await database.executeSql("SELECT id FROM users LIMIT 1")).rows;
  const actor = { kind: "user", userId: String(user?.id), isPlatformAdmin: false } as const;

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  // The CSV streams straight into the batch: parsing, validating and storing the rows overlap.
  const { batch } = await createAwardBatch(deps, actor, "bench", {
    achievementId: String(id),
    notify: false,
    rows: checkedCsvRows(createReadStream(csvPath)),
  });
  const stored = performance.now();
  while (!(await runBatchChunk(deps, batch.id, { queueNext: false })).done) {
    // each call awards one chunk (200 rows) in its own transaction
  }
  const end = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const [result] = (
    await database.executeSql("SELECT issued, failed FROM award_batches WHERE id = $1", [batch.id])
  ).rows;
  await jobs.stop(2_000);
  const seconds = (end - start) / 1000;
  return {
    database: kind,
    rows,
    issued: Number(result?.issued),
    "parse+validate+store s": ((stored - start) / 1000).toFixed(1),
    "award s": ((end - stored) / 1000).toFixed(1),
    "total s": seconds.toFixed(1),
    "credentials/s": Math.round(rows / seconds),
    "peak RSS MiB": mib(peak),
  };
}

const csvPath = join(tmpdir(), `cairn-bench-awards-${rows}.csv`);
await writeCsv(csvPath);
const results = [];
for (const kind of kinds) {
  if (kind === "pglite") {
    // A data directory, as deployed: in memory the database itself would count towards the process's RSS.
    const dataDir = mkdtempSync(join(tmpdir(), "cairn-bench-pglite-"));
    const database = await openDatabase({ kind: "pglite", dataDir });
    results.push(await run(kind, database, csvPath));
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  } else {
    const server = await startPostgres();
    const database = await openDatabase({ kind: "postgres", url: server.url });
    results.push(await run(kind, database, csvPath));
    await database.close();
    await server.stop();
  }
  console.log(results.at(-1));
}
console.table(results);
rmSync(csvPath, { force: true });
