// Test support for `cairn demo`: opens the database the cairn processes wrote, and checks the learning path the
// demo seeds (course, learners at every stage, the credential earned on it).
import { expect } from "vitest";
import { peerGateIn } from "../src/app/earning/peer-gate.ts";
import { peerSummaryIn } from "../src/app/earning/peer-summary.ts";
import { loadConfig } from "../src/config.ts";
import { openRuntime, type Runtime } from "../src/main.ts";

type Row = Record<string, unknown>;

/** Opens the demo's database between runs (the embedded one admits one process at a time), then closes it. */
export async function inDemoDatabase<T>(
  env: Record<string, string>,
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: "warn" });
  const runtime = await openRuntime(config, { workers: false });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const sqlIn =
  (runtime: Runtime) =>
  async (text: string, params: unknown[] = []): Promise<Row[]> =>
    (await runtime.database.executeSql(text, params)).rows;

const TABLES = ["enrolments", "module_completions", "quiz_attempts", "project_submissions", "peer_reviews"];

/** How many rows the earning tables and awards hold. */
export async function demoCounts(runtime: Runtime) {
  const sql = sqlIn(runtime);
  const counted: Record<string, unknown> = {};
  for (const table of [...TABLES, "awards", "issued_credentials", "mail_outbox"])
    counted[table] = (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;
  return counted;
}

/** The "Accessible Dashboards" path as `cairn demo` printed and seeded it. */
export async function expectDemoPath(runtime: Runtime, stdout: string) {
  const sql = sqlIn(runtime);
  const courseId = /\/learn\/([0-9a-f-]{36})/.exec(stdout)?.[1] ?? "";
  for (const url of ["assessments", "assessments/peer-review", "learning"])
    expect(stdout).toContain(`http://localhost:3000/orgs/northfield/${url}\n`);
  const evidence = /Public evidence page of Lena Lindqvist: (\S+)/.exec(stdout)?.[1];

  const [course] = await sql("SELECT content FROM courses WHERE achievement_id = $1", [courseId]);
  const content = course?.content as { modules: { id: string }[] } | undefined;
  expect(content?.modules.map((m) => m.id)).toEqual([
    "choose-a-chart",
    "accessible-design",
    "client-dashboard",
  ]);
  const of = (email: string) => [email, courseId];
  const enrolment = async (email: string) =>
    (
      await sql(
        `SELECT e.id, e.status, e.award_id, e.evidence_public FROM enrolments e
         JOIN users u ON u.id = e.user_id WHERE u.email = $1 AND e.achievement_id = $2`,
        of(email),
      )
    )[0] ?? {};
  const submission = async (email: string) =>
    (
      await sql(
        `SELECT s.id, s.status FROM project_submissions s JOIN enrolments e ON e.id = s.enrolment_id
         JOIN users u ON u.id = e.user_id WHERE u.email = $1 AND e.achievement_id = $2`,
        of(email),
      )
    )[0] ?? {};

  // Lena: a failed then a passed attempt, and the credential the path awarded, with results and evidence inside.
  const lena = await enrolment("lena@learner.test");
  expect(lena).toMatchObject({ status: "completed", award_id: expect.any(String), evidence_public: true });
  expect(evidence).toBe(`http://localhost:3000/evidence/${lena.id}`);
  const attempts = await sql("SELECT passed FROM quiz_attempts WHERE enrolment_id = $1 ORDER BY number", [
    lena.id,
  ]);
  expect(attempts.map((a) => a.passed)).toEqual([false, true]);
  expect(await submission("lena@learner.test")).toMatchObject({ status: "graded" });
  const [row] = await sql(
    "SELECT c.document FROM awards a JOIN issued_credentials c ON c.id = a.credential_id WHERE a.id = $1",
    [lena.award_id],
  );
  const credential = row?.document as { credentialSubject: { result: { resultDescription: string }[] } };
  expect(credential.credentialSubject.result.map((r) => r.resultDescription.split("#")[1])).toEqual(
    expect.arrayContaining(["quiz-chart-basics", "project-dashboard-access", "project-dashboard", "outcome"]),
  );
  expect(row?.document).toMatchObject({ evidence: [expect.objectContaining({ id: evidence })] });

  // Luis waits: his project is submitted, and grading waits for the one review he has still to give.
  expect(await enrolment("luis@learner.test")).toMatchObject({ status: "active", award_id: null });
  const luis = await submission("luis@learner.test");
  expect(luis).toMatchObject({ status: "submitted" });
  const gate = await runtime.deps.uow((r) => peerGateIn(r, String(luis.id)));
  expect(gate).toMatchObject({ open: false, done: 1, required: 2 });

  // Priya's reviewers disagree: flagged for the assessor. Noah's project went back; Mei has just begun.
  const priya = await submission("priya@learner.test");
  expect(priya).toMatchObject({ status: "submitted" });
  const panel = await runtime.deps.uow((r) => peerSummaryIn(r, String(priya.id)));
  expect(panel).toMatchObject({ submitted: 2, flagged: true });
  expect(await submission("noah@learner.test")).toMatchObject({ status: "returned" });
  const mei = await enrolment("mei@learner.test");
  expect(mei).toMatchObject({ status: "active" });
  expect(await sql("SELECT module_id FROM module_completions WHERE enrolment_id = $1", [mei.id])).toEqual([
    { module_id: "choose-a-chart" },
  ]);
}
