import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompletionIn } from "../src/app/earning/check-completion.ts";
import type { FormValues } from "../src/http/pages/forms.tsx";
import { formFromProject } from "../src/http/pages/project-form.ts";
import { content, enrolled, gradeProject, passQuiz } from "./earning-fixtures.ts";
import { eventually, startTestContext, type TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const rulesOf = async (achievementId: string) => {
  const [row] = await sql("SELECT content FROM courses WHERE achievement_id = $1", [achievementId]);
  return (row?.content as { rules?: unknown } | undefined)?.rules;
};
const fields = (values: FormValues) =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows as Record<string, unknown>[];

describe("award rules an issuer sets on a learning path", () => {
  it("shows the default rules, saves thresholds, refuses bad numbers without saving, and returns to the default", async () => {
    const { owner, slug, achievementId } = await enrolled(ctx);
    const path = `/orgs/${slug}/achievements/${achievementId}/course/rules`;
    const page = await (await owner.get(path)).text();
    expect(page).toContain("the default applies");
    expect(page).toMatch(/name="quiz:q1"[^>]*value="70"/);

    const refused = await owner.submit(path, { combine: "all", "quiz:q1": "140", "module:m1": "on" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Enter a number from 0 to 100");
    expect(await rulesOf(achievementId)).toBeUndefined();

    const saved = await owner.submit(path, { combine: "any", "quiz:q1": "90", "rubric:p1:c1": "3" });
    expect(saved.status).toBe(303);
    expect(await rulesOf(achievementId)).toEqual({
      kind: "any",
      rules: [
        { kind: "quiz", quizId: "q1", minPercent: 90 },
        { kind: "rubric", projectId: "p1", minPoints: 3, criterionId: "c1" },
      ],
    });
    expect((await owner.submit(path, { combine: "all" })).status).toBe(422);
    expect((await owner.submit(`${path}/default`, {})).status).toBe(303);
    expect(await rulesOf(achievementId)).toBeUndefined();
  });

  it("refuses more rules than a path can hold, with a message, and the path stays usable", async () => {
    const { owner, slug, achievementId, organizationId, learner } = await enrolled(ctx);
    const modules = Array.from({ length: 51 }, (_, i) => ({
      id: `m${i + 1}`,
      title: `Module ${i + 1}`,
      body: "",
      assessments: [],
    }));
    await ctx.deps.uow((r) =>
      r.courses.save({ enrolment: "open", modules, achievementId, organizationId, updatedAt: new Date() }),
    );
    const path = `/orgs/${slug}/achievements/${achievementId}/course/rules`;
    const form = Object.fromEntries([["combine", "all"], ...modules.map((m) => [`module:${m.id}`, "on"])]);
    const refused = await owner.submit(path, form);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("at most 50 rules");
    expect(await rulesOf(achievementId)).toBeUndefined();
    expect((await owner.get(path)).status).toBe(200);
    expect((await learner.get(`/learn/${achievementId}`)).status).toBe(200);
  });

  it("refuses a project change that would leave the rules asking for a criterion or reviews that no longer exist", async () => {
    const { owner, slug, achievementId } = await enrolled(ctx);
    const rules = `/orgs/${slug}/achievements/${achievementId}/course/rules`;
    expect((await owner.submit(rules, { combine: "all", "rubric:p1:c1": "3" })).status).toBe(303);
    const project = content.modules[0]?.assessments[1];
    if (project?.kind !== "project") throw new Error("the fixture has a project");
    const editor = `/orgs/${slug}/achievements/${achievementId}/course/projects/p1`;
    const form = { ...fields(formFromProject(project)), "rubric.0.delete": "on", passPoints: "3" };
    const refused = await owner.submit(editor, form);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Change the rules before removing it");
    const [row] = await sql("SELECT content FROM courses WHERE achievement_id = $1", [achievementId]);
    expect(JSON.stringify(row?.content)).toContain('"c1"');

    expect((await owner.submit(rules, { combine: "all", "reviews:p1": "1" })).status).toBe(303);
    const peer = { ...fields(formFromProject(project)), "peer.enabled": "" };
    const noPeers = await owner.submit(editor, peer);
    expect(noPeers.status).toBe(409);
    expect(await noPeers.text()).toContain("before turning peer review off");
  });

  it("awards on 'any' rules as soon as one is met", async () => {
    const { owner, slug, achievementId, enrolmentId } = await enrolled(ctx);
    await owner.submit(`/orgs/${slug}/achievements/${achievementId}/course/rules`, {
      combine: "any",
      "quiz:q1": "90",
      "module:m1": "on",
    });
    await passQuiz(ctx, enrolmentId, 1, 95);
    const awarded = await ctx.deps.uow((r) => checkCompletionIn(ctx.deps, r, enrolmentId));
    expect(awarded).toBeDefined();
  });

  it("awards learners who already meet rules an issuer loosens, once, without their next step", async () => {
    const { owner, slug, achievementId, enrolmentId } = await enrolled(ctx);
    await passQuiz(ctx, enrolmentId, 1, 95);
    const path = `/orgs/${slug}/achievements/${achievementId}/course/rules`;
    // The default rules also ask for the module and the project: nothing is awarded yet.
    await owner.submit(path, { combine: "all", "quiz:q1": "90", "module:m1": "on" });
    await owner.submit(path, { combine: "all", "quiz:q1": "90" });
    const status = async () =>
      (await sql("SELECT status, award_id FROM enrolments WHERE id = $1", [enrolmentId]))[0];
    const completed = await eventually(async () => {
      const row = await status();
      return row?.status === "completed" ? row : undefined;
    });
    expect(completed.award_id).toBeTruthy();
    await owner.submit(path, { combine: "all", "quiz:q1": "80" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      await sql("SELECT id FROM awards WHERE idempotency_key = $1", [`earned:${enrolmentId}`]),
    ).toHaveLength(1);
  });

  it("keeps the rules and the funnel to the organization's own staff", async () => {
    const { slug, achievementId } = await enrolled(ctx);
    const outsider = await signedUp(ctx.app, { email: `rules-outsider-${achievementId}@example.org` });
    expect((await outsider.get(`/orgs/${slug}/achievements/${achievementId}/course/rules`)).status).toBe(404);
    expect((await outsider.get(`/orgs/${slug}/learning`)).status).toBe(404);
  });
});

describe("the completion funnel", () => {
  it("counts learners at each step of a path", async () => {
    const first = await enrolled(ctx);
    await ctx.deps.uow((r) => r.enrolments.completeModule(first.enrolmentId, "m1", new Date()));
    await passQuiz(ctx, first.enrolmentId, 1, 80);
    await gradeProject(ctx, first.enrolmentId, first.organizationId, [
      ["l2", 3],
      ["l2", 3],
    ]);
    const page = await (await first.owner.get(`/orgs/${first.slug}/learning`)).text();
    expect(page).toContain("Financial Statements");
    for (const step of [
      "Enrolled 1",
      "Started 1",
      "Module: Reading a balance sheet 1",
      "Passed: Balance sheet basics 1",
      "Handed in: Analyse a company 1",
      "Graded: Analyse a company 1",
      "Awarded 0",
    ]) {
      expect(page).toContain(step);
    }
  });
});
