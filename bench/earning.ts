// Earning benchmark, `npm run bench:earning` (tsx). Two measurements, each against a baseline taken in the same run:
// 1. An award earned on a learning path (a learner completes the last module: progress read, rules evaluated, learning
//    record read, results and evidence built, the credential signed and stored) against a direct award by form, on
//    PGlite (temp data dir) and PostgreSQL. BENCH_AWARDS (default 60) of each, alternating, after a warm-up.
// 2. Peer-review assignment per arriving submission (domain/earning/peer-assignment.ts) as a class grows, against a
//    class of 100. BENCH_DB=pglite|postgres runs one database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awardCredential } from "../src/app/awards/award-credential.ts";
import { completeModule } from "../src/app/earning/complete-module.ts";
import type { AppDeps } from "../src/app/ports.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { awardRequest } from "../src/domain/awards/award-request.ts";
import { courseContent } from "../src/domain/earning/course.ts";
import { type PeerSubmission, type PeerTask, planArrival } from "../src/domain/earning/peer-assignment.ts";
import { createApp } from "../src/http/app.ts";
import { signedUp } from "../test/http-client.ts";
import { startPostgres } from "../test/postgres-server.ts";
import { wiredForBench } from "./wired.ts";

const awards = Number(process.env.BENCH_AWARDS ?? 60);
const kinds = (process.env.BENCH_DB ?? "pglite,postgres").split(",");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** A published micro-credential whose path is one module, and `count` learners enrolled on it. */
async function setUp(deps: AppDeps, database: Database, app: ReturnType<typeof createApp>, count: number) {
  const owner = await signedUp(app, { email: "bench@example.org" });
  await owner.submit("/orgs", { name: "Bench Academy", slug: "bench" });
  const created = await owner.submit("/orgs/bench/achievements", {
    name: "Benchmark Basics",
    description: "A micro-credential for benchmarks.",
    criteria: "Complete the module.",
    learningOutcomes: "Measure things",
    workloadHours: "25",
    assessmentType: "practical",
    participationForm: "online",
    qualityAssurance: "Reviewed yearly.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  await owner.submit(`/orgs/bench/achievements/${achievementId}/publish`, {});
  const one = async (text: string) => String((await database.executeSql(text)).rows[0]?.id);
  const organizationId = await one("SELECT id FROM organizations WHERE slug = 'bench'");
  const ownerId = await one("SELECT id FROM users WHERE email = 'bench@example.org'");
  const learners: string[] = [];
  await deps.uow(async (r) => {
    await r.courses.save({
      ...courseContent.parse({ modules: [{ id: "only", title: "The only module", body: "Read this." }] }),
      achievementId,
      organizationId,
      updatedAt: deps.clock(),
    });
    for (let i = 0; i < count; i++) {
      const now = deps.clock();
      const userId = deps.newId();
      await r.users.insert({
        id: userId,
        email: `learner${i}@example.org`,
        name: `Learner ${i}`,
        passwordHash: "-",
        emailVerifiedAt: now,
        isPlatformAdmin: false,
        createdAt: now,
      });
      await r.enrolments.insert({
        id: deps.newId(),
        achievementId,
        organizationId,
        userId,
        status: "active",
        createdAt: now,
        decidedAt: now,
        decidedBy: null,
        completedAt: null,
        awardId: null,
        evidencePublic: false,
      });
      learners.push(userId);
    }
  });
  return {
    achievementId,
    learners,
    actor: { kind: "user", userId: ownerId, isPlatformAdmin: false } as const,
  };
}

async function awardRun(kind: string, database: Database) {
  await migrate(database.db);
  const { deps, httpDeps, jobs } = await wiredForBench(database);
  const app = createApp(httpDeps);
  const warmUp = 5;
  const { achievementId, learners, actor } = await setUp(deps, database, app, awards + warmUp);
  const direct: number[] = [];
  const earned: number[] = [];
  for (let i = 0; i < awards + warmUp; i++) {
    const learner = learners[i] ?? "";
    let start = performance.now();
    await awardCredential(
      deps,
      actor,
      "bench",
      achievementId,
      awardRequest.parse({ recipient: `direct${i}@example.org` }),
      {
        idempotencyKey: `bench:${i}`,
        notify: false,
      },
    );
    if (i >= warmUp) direct.push(performance.now() - start);
    start = performance.now();
    await completeModule(deps, learner, achievementId, "only");
    if (i >= warmUp) earned.push(performance.now() - start);
  }
  const [count] = (
    await database.executeSql("SELECT count(*)::int AS n FROM enrolments WHERE status = 'completed'")
  ).rows;
  await jobs.stop(2_000);
  return {
    database: kind,
    awards,
    "earned on the path": Number(count?.n) - warmUp,
    "direct award ms (median)": median(direct).toFixed(1),
    "earned award ms (median)": median(earned).toFixed(1),
    "earned / direct": (median(earned) / median(direct)).toFixed(2),
  };
}

/** Arrivals of a class of `n` (k = 3), every review done as it is assigned: ms per arrival. */
function assignmentRun(n: number) {
  let live: PeerSubmission[] = [];
  let tasks: PeerTask[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const arrived = { id: `s${i}`, authorId: `a${i}` };
    const plan = planArrival({ k: 3, live, tasks, arrived });
    live = [...live, arrived];
    tasks = [...tasks, ...plan.assign.map((a) => ({ ...a, done: i % 2 === 0 }))];
  }
  return (performance.now() - start) / n;
}

const results = [];
for (const kind of kinds) {
  if (kind === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "cairn-bench-pglite-"));
    const database = await openDatabase({ kind: "pglite", dataDir });
    results.push(await awardRun(kind, database));
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  } else {
    const server = await startPostgres();
    const database = await openDatabase({ kind: "postgres", url: server.url });
    results.push(await awardRun(kind, database));
    await database.close();
    await server.stop();
  }
}
console.table(results);

const baseline = assignmentRun(100);
console.table(
  [100, 500, 1_000, 2_000].map((n) => {
    const perArrival = n === 100 ? baseline : assignmentRun(n);
    return {
      "class size": n,
      "ms per arrival": perArrival.toFixed(3),
      "vs class of 100": (perArrival / baseline).toFixed(1),
    };
  }),
);
