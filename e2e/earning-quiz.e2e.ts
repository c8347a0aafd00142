import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseContent } from "../src/domain/earning/course.ts";
import { expectNoSeriousA11yViolations, signInAs } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import type { TestContext } from "../test/harness.ts";
import { signedUp } from "../test/http-client.ts";

let e2e: E2e;
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ ctx, browser, base } = e2e);
});
afterAll(() => e2e?.close());

const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;

/** An organization with a published micro-credential whose course holds one empty quiz, as the course editor makes it. */
async function courseWithEmptyQuiz() {
  const owner = await signedUp(ctx.app, { email: "owner@knots.test", password: "owner password 1" });
  await owner.submit("/orgs", { name: "Knot School", slug: "knots" });
  const created = await owner.submit("/orgs/knots/achievements", {
    name: "Knots for Sailors",
    description: "Tie the knots a sailor needs.",
    criteria: "Pass the knots quiz.",
    learningOutcomes: "Tie knots",
    workloadHours: "5",
    ects: "1",
    eqfLevel: "3",
    assessmentType: "practical",
    participationForm: "onsite",
    qualityAssurance: "Two instructors.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  await owner.submit(`/orgs/knots/achievements/${achievementId}/publish`, {});
  const [org] = await sql("SELECT id FROM organizations WHERE slug = 'knots'");
  const organizationId = String(org?.id);
  const content = courseContent.parse({
    modules: [
      {
        id: "basics",
        title: "Basic knots",
        body: "Practise with a rope.",
        assessments: [{ kind: "quiz", id: "knots-quiz", title: "Knots quiz", passMark: 70, questions: [] }],
      },
    ],
  });
  await ctx.deps.uow((r) =>
    r.courses.save({ ...content, achievementId, organizationId, updatedAt: ctx.deps.clock() }),
  );
  return { achievementId, organizationId };
}

describe("a quiz in Chromium", () => {
  it("an issuer writes two questions, a learner takes the quiz and passes; every page is accessible", async () => {
    const { achievementId, organizationId } = await courseWithEmptyQuiz();
    await signedUp(ctx.app, {
      email: "learner@knots.test",
      name: "Lee Learner",
      password: "learner password",
    });
    const [user] = await sql("SELECT id FROM users WHERE email = 'learner@knots.test'");
    await ctx.deps.uow((r) =>
      r.enrolments.insert({
        id: crypto.randomUUID(),
        achievementId,
        organizationId,
        userId: String(user?.id),
        status: "active",
        createdAt: ctx.deps.clock(),
        decidedAt: null,
        decidedBy: null,
        completedAt: null,
        awardId: null,
        evidencePublic: false,
      }),
    );

    const issuer = await (await browser.newContext()).newPage();
    await signInAs(issuer, base, "owner@knots.test", "owner password 1");
    const editor = `${base}/orgs/knots/achievements/${achievementId}/course/quizzes/knots-quiz`;
    await issuer.goto(editor);
    await issuer.getByRole("heading", { name: "Quiz: Knots quiz" }).waitFor();
    await expectNoSeriousA11yViolations(issuer);

    await issuer.getByRole("link", { name: "Single choice" }).click();
    await issuer.getByLabel("Question", { exact: true }).fill("Which knot joins two ropes of equal size?");
    await issuer.getByLabel("Option 1", { exact: true }).fill("Bowline");
    await issuer.getByLabel("Option 2", { exact: true }).fill("Reef knot");
    await issuer.getByLabel("Option 3", { exact: true }).fill("Clove hitch");
    // Saved without a tick first: the form comes back with the message.
    await issuer.getByRole("button", { name: "Save the question" }).click();
    expect(await issuer.getByRole("alert").textContent()).toContain("Mark exactly one option correct.");
    await expectNoSeriousA11yViolations(issuer);
    await issuer.getByLabel("Option 2 is correct").check();
    await issuer.getByRole("button", { name: "Save the question" }).click();
    await issuer.waitForURL(`${editor}#questions`);

    await issuer.getByRole("link", { name: "Number" }).click();
    await issuer.getByLabel("Question", { exact: true }).fill("How many strands does a standard rope have?");
    await issuer.getByLabel("Correct answer").fill("3");
    await issuer.getByRole("button", { name: "Save the question" }).click();
    await issuer.waitForURL(`${editor}#questions`);
    await issuer.getByRole("heading", { name: "Question bank (2)" }).waitFor();
    await expectNoSeriousA11yViolations(issuer);

    const learner = await (await browser.newContext()).newPage();
    await signInAs(learner, base, "learner@knots.test", "learner password");
    await learner.goto(`${base}/learn/${achievementId}/quizzes/knots-quiz`);
    await learner.getByRole("heading", { name: "Knots quiz" }).waitFor();
    await expectNoSeriousA11yViolations(learner);
    await learner.getByRole("button", { name: "Start attempt 1" }).click();
    await learner.waitForURL(/\/attempts\//);
    // The attempt page holds the questions and no key.
    expect(await learner.content()).not.toContain("correct");
    await expectNoSeriousA11yViolations(learner);
    await learner.getByLabel("Reef knot").check();
    await learner.getByLabel("How many strands does a standard rope have?").fill("3");
    await learner.getByRole("button", { name: "Submit answers" }).click();
    await learner.getByRole("heading", { name: /result of attempt 1/ }).waitFor();
    expect(await learner.locator(".lead").textContent()).toContain("Passed: 100%");
    await expectNoSeriousA11yViolations(learner);

    const [attempt] = await sql("SELECT percent, passed FROM quiz_attempts WHERE quiz_id = 'knots-quiz'");
    expect(attempt).toMatchObject({ percent: 100, passed: true });
  });
});
