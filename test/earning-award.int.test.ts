import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompletionIn } from "../src/app/earning/check-completion.ts";
import { enrolled, gradeProject, passQuiz } from "./earning-fixtures.ts";
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

const check = (enrolmentId: string) => ctx.deps.uow((r) => checkCompletionIn(ctx.deps, r, enrolmentId));

describe("earning a credential on a learning path", () => {
  it("awards nothing until every rule is met, then exactly once, with results, evidence and activity dates inside", async () => {
    const { enrolmentId, organizationId } = await enrolled(ctx);
    expect(await check(enrolmentId)).toBeUndefined();
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    await passQuiz(ctx, enrolmentId, 1, 50);
    await passQuiz(ctx, enrolmentId, 2, 100);
    expect(await check(enrolmentId)).toBeUndefined();
    await gradeProject(ctx, enrolmentId, organizationId, [
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
    const levels = ((descriptions[1]?.rubricCriterionLevel ?? []) as Json[]).map((l) => l.id);
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
    const { enrolmentId } = await enrolled(ctx);
    await sql("UPDATE enrolments SET status = 'pending' WHERE id = $1", [enrolmentId]);
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    expect(await check(enrolmentId)).toBeUndefined();
  });
});

describe("the evidence page behind an earned credential", () => {
  it("is private to the learner and the issuer's assessors until the learner makes it public", async () => {
    const { enrolmentId, organizationId, learner: learnerClient } = await enrolled(ctx);
    await ctx.deps.uow((r) => r.enrolments.completeModule(enrolmentId, "m1", new Date()));
    await passQuiz(ctx, enrolmentId, 1, 100);
    await gradeProject(ctx, enrolmentId, organizationId, [
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
