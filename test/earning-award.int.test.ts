import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompletionIn } from "../src/app/earning/check-completion.ts";
import { type CourseContent, courseContent } from "../src/domain/earning/course.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";
import { hasInterop, readInteropJson } from "./interop.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

type Json = Record<string, unknown>;
let counter = 0;
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows as Json[];

const content: CourseContent = courseContent.parse({
  modules: [
    {
      id: "m1",
      title: "Reading a balance sheet",
      body: "# Assets and liabilities",
      assessments: [
        {
          kind: "quiz",
          id: "q1",
          title: "Balance sheet basics",
          passMark: 70,
          questions: [
            { kind: "numeric", id: "n1", prompt: "2 + 2?", answer: 4 },
            { kind: "text", id: "t1", prompt: "Capital of France?", accepted: ["Paris"] },
          ],
        },
        {
          kind: "project",
          id: "p1",
          title: "Analyse a company",
          passPoints: 4,
          accepts: {},
          rubric: [
            {
              id: "c1",
              name: "Accuracy",
              levels: [
                { id: "l1", name: "Developing", points: 1, descriptor: "Some errors" },
                { id: "l2", name: "Proficient", points: 3, descriptor: "Accurate" },
              ],
            },
            {
              id: "c2",
              name: "Clarity",
              levels: [
                { id: "l1", name: "Developing", points: 1 },
                { id: "l2", name: "Proficient", points: 3 },
              ],
            },
          ],
        },
      ],
    },
  ],
});

/** A published micro-credential with this course, and an active enrolment of a new learner. */
async function enrolled() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `earn-owner-${n}@example.org` });
  const slug = `earn-org-${n}`;
  await owner.submit("/orgs", { name: `Ledger School ${n}`, slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    name: "Financial Statements",
    description: "Reads and analyses financial statements.",
    criteria: "Complete the path.",
    learningOutcomes: "Analyse a balance sheet",
    workloadHours: "20",
    assessmentType: "project",
    participationForm: "online",
    qualityAssurance: "Assessed by certified accountants.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {});
  const learner = await signedUp(ctx.app, { email: `earn-learner-${n}@example.org`, name: `Learner ${n}` });
  const [user] = await sql("SELECT id FROM users WHERE email = $1", [`earn-learner-${n}@example.org`]);
  const [org] = await sql("SELECT id FROM organizations WHERE slug = $1", [slug]);
  const enrolmentId = ctx.deps.newId();
  const started = new Date(Date.now() - 10 * 86_400_000);
  await ctx.deps.uow(async (r) => {
    await r.courses.save({
      ...content,
      achievementId,
      organizationId: String(org?.id),
      updatedAt: new Date(),
    });
    await r.enrolments.insert({
      id: enrolmentId,
      achievementId,
      organizationId: String(org?.id),
      userId: String(user?.id),
      status: "active",
      createdAt: started,
      decidedAt: started,
      decidedBy: null,
      completedAt: null,
      awardId: null,
      evidencePublic: false,
    });
  });
  return { achievementId, enrolmentId, organizationId: String(org?.id), learner };
}

const check = (enrolmentId: string) => ctx.deps.uow((r) => checkCompletionIn(ctx.deps, r, enrolmentId));

async function passQuiz(enrolmentId: string, number: number, percent: number) {
  await sql(
    `INSERT INTO quiz_attempts (id, enrolment_id, quiz_id, number, questions, started_at, submitted_at, answers, points, max_points, percent, passed)
     VALUES ($1, $2, 'q1', $3, '[]', now(), now(), '{}', $4, 2, $5, $6)`,
    [ctx.deps.newId(), enrolmentId, number, (percent / 100) * 2, percent, percent >= 70],
  );
}
async function gradeProject(enrolmentId: string, organizationId: string, levels: [string, number][]) {
  const grade = Object.fromEntries(levels.map(([levelId, points], i) => [`c${i + 1}`, { levelId, points }]));
  const points = levels.reduce((sum, [, p]) => sum + p, 0);
  await sql(
    `INSERT INTO project_submissions (id, enrolment_id, organization_id, project_id, revision, text, links, status, submitted_at, graded_at, grade, points)
     VALUES ($1, $2, $3, 'p1', 1, 'My analysis', '{}', 'graded', now(), now(), $4, $5)`,
    [ctx.deps.newId(), enrolmentId, organizationId, JSON.stringify(grade), points],
  );
}

describe("earning a credential on a learning path", () => {
  it("awards nothing until every rule is met, then exactly once, with results, evidence and activity dates inside", async () => {
    const { enrolmentId, organizationId } = await enrolled();
    expect(await check(enrolmentId)).toBeUndefined();
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    await passQuiz(enrolmentId, 1, 50);
    await passQuiz(enrolmentId, 2, 100);
    expect(await check(enrolmentId)).toBeUndefined();
    await gradeProject(enrolmentId, organizationId, [
      ["l2", 3],
      ["l1", 1],
    ]);
    const [first, second] = await Promise.all([check(enrolmentId), check(enrolmentId)]);
    const awarded = first ?? second;
    expect(awarded).toBeDefined();
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await check(enrolmentId)).toBeUndefined();
    expect(
      await sql("SELECT id FROM awards WHERE idempotency_key = $1", [`earned:${enrolmentId}`]),
    ).toHaveLength(1);
    const [enrolment] = await sql("SELECT status, award_id FROM enrolments WHERE id = $1", [enrolmentId]);
    expect(enrolment).toMatchObject({ status: "completed", award_id: awarded });

    const [row] = await sql(
      "SELECT c.document FROM awards a JOIN issued_credentials c ON c.id = a.credential_id WHERE a.id = $1",
      [awarded],
    );
    const credential = row?.document as Json;
    const subject = credential.credentialSubject as Json;
    const achievement = subject.achievement as Json;
    const descriptions = achievement.resultDescription as Json[];
    expect(descriptions.map((d) => d.resultType)).toEqual([
      "Percent",
      "RubricCriterionLevel",
      "RubricCriterionLevel",
      "RubricScore",
      "Status",
    ]);
    const results = subject.result as Json[];
    const quizResult = results.find((r) => String(r.resultDescription).endsWith("#quiz-q1"));
    expect(quizResult).toMatchObject({ value: "100", status: "Completed" });
    const accuracy = results.find((r) => String(r.resultDescription).endsWith("#project-p1-c1"));
    expect(accuracy).toMatchObject({ value: "Proficient" });
    expect(String(accuracy?.achievedLevel)).toMatch(/#project-p1-c1-l2$/);
    const levels = (descriptions[1]?.rubricCriterionLevel as Json[]).map((l) => l.id);
    expect(levels).toContain(accuracy?.achievedLevel);
    expect(results.find((r) => String(r.resultDescription).endsWith("#project-p1"))).toMatchObject({
      value: "4",
      status: "Completed",
    });
    const [evidence] = credential.evidence as Json[];
    expect(evidence?.id).toBe(`${ctx.publicUrl}/evidence/${enrolmentId}`);
    expect(String(evidence?.narrative)).toContain(
      'Quiz "Balance sheet basics": 100% (pass mark 70%) on attempt 2 of 2',
    );
    expect(String(evidence?.narrative)).toContain("4 of 6 rubric points");
    expect(subject.activityStartDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(String(subject.activityEndDate))).toBeGreaterThan(
      Date.parse(String(subject.activityStartDate)),
    );

    if (hasInterop) {
      const ajv = new Ajv2019.default({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(readInteropJson("schemas", "ob_v3p0_achievementcredential_schema.json"));
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    }
    const response = await ctx.app.request("/credentials/verify", {
      method: "POST",
      body: JSON.stringify({ verifiableCredential: credential }),
      headers: { "content-type": "application/json" },
    });
    const report = (await response.json()) as { verified: boolean; checks: { id: string; status: string }[] };
    expect(report.checks.filter((c) => c.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it("does not award a pending enrolment even when the facts would meet the rules", async () => {
    const { enrolmentId } = await enrolled();
    await sql("UPDATE enrolments SET status = 'pending' WHERE id = $1", [enrolmentId]);
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    expect(await check(enrolmentId)).toBeUndefined();
  });
});

describe("the evidence page behind an earned credential", () => {
  it("is private to the learner and the issuer's assessors until the learner makes it public", async () => {
    const { enrolmentId, organizationId, learner: learnerClient } = await enrolled();
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    await passQuiz(enrolmentId, 1, 100);
    await gradeProject(enrolmentId, organizationId, [
      ["l2", 3],
      ["l2", 3],
    ]);
    expect(await check(enrolmentId)).toBeDefined();
    const path = `/evidence/${enrolmentId}`;
    expect((await ctx.app.request(path)).status).toBe(404);
    const stranger = await signedUp(ctx.app, { email: `earn-stranger-${++counter}@example.org` });
    expect((await stranger.get(path)).status).toBe(404);
    const own = await learnerClient.get(path);
    expect(own.status).toBe(200);
    const page = await own.text();
    expect(page).toContain("This page is private");
    expect(page).toContain("My analysis");
    expect(page).toContain("Proficient");
    expect((await stranger.submit(`${path}/visibility`, { public: "yes" })).status).toBe(404);
    expect((await ctx.app.request(path)).status).toBe(404);
    expect((await learnerClient.submit(`${path}/visibility`, { public: "yes" })).status).toBe(303);
    const open = await ctx.app.request(path);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain("Balance sheet basics");
  });
});
