import { randomUUID } from "node:crypto";
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

describe("a rubric-graded project in Chromium", () => {
  it("the issuer edits the project, a learner submits a file, an assessor grades it in the rubric grid", async () => {
    const password = "owner password 1";
    const owner = await signedUp(ctx.app, { email: "owner@rigging.test", password });
    await owner.submit("/orgs", { name: "Rigging School", slug: "rigging" });
    const achievementId =
      (
        await owner.submit("/orgs/rigging/achievements", {
          name: "Mast Rigging",
          description: "Rigging, assessed by a project.",
          criteria: "Pass the rigging project.",
          learningOutcomes: "Rig safely",
          workloadHours: "20",
          ects: "1",
          eqfLevel: "4",
          assessmentType: "project",
          participationForm: "online",
          qualityAssurance: "Two assessors.",
        })
      ).headers
        .get("location")
        ?.split("/")
        .at(-1) ?? "";
    await owner.submit(`/orgs/rigging/achievements/${achievementId}/publish`, {});
    const [org] = (await ctx.database.executeSql("SELECT id FROM organizations WHERE slug = 'rigging'")).rows;
    const organizationId = String(org?.id);
    const content = courseContent.parse({
      modules: [
        {
          id: "m1",
          title: "Rigging",
          assessments: [{ kind: "project", id: "mast", title: "Rig a mast", rubric: [], accepts: {} }],
        },
      ],
      rules: { kind: "rubric", projectId: "mast", minPoints: 3 },
    });
    await ctx.deps.uow((r) =>
      r.courses.save({ ...content, achievementId, organizationId, updatedAt: new Date() }),
    );

    // The issuer writes the brief, accepts PDF files and builds a one-criterion rubric.
    const issuer = await (await browser.newContext()).newPage();
    await signInAs(issuer, base, "owner@rigging.test", password);
    await issuer.goto(`${base}/orgs/rigging/achievements/${achievementId}/course/projects/mast`);
    await expectNoSeriousA11yViolations(issuer);
    await issuer.getByLabel("Brief (Markdown)").fill("Rig the practice mast and report on each check.");
    await issuer.getByLabel("Points needed to pass").fill("3");
    await issuer.getByLabel("Files", { exact: true }).check();
    await issuer.getByLabel("File types").fill("pdf");
    await issuer.getByLabel("Criterion name").fill("Safety");
    await issuer.getByLabel("Level 1 name").fill("Unsafe");
    await issuer.getByLabel("Level 1 points").fill("0");
    await issuer.getByLabel("Level 1 descriptor").fill("Skips checks");
    await issuer.getByLabel("Level 2 name").fill("Safe");
    await issuer.getByLabel("Level 2 points").fill("4");
    await issuer.getByLabel("Level 2 descriptor").fill("Every check done");
    await issuer.getByRole("button", { name: "Save the project" }).click();
    await expect.poll(() => issuer.getByText("The project is saved.").count()).toBe(1);

    // The learner, enrolled, submits text and a PDF.
    await signedUp(ctx.app, { email: "robin@learner.test", name: "Robin Learner", password });
    const [user] = (await ctx.database.executeSql("SELECT id FROM users WHERE email = 'robin@learner.test'"))
      .rows;
    await ctx.deps.uow((r) =>
      r.enrolments.insert({
        id: randomUUID(),
        achievementId,
        organizationId,
        userId: String(user?.id),
        status: "active",
        createdAt: new Date(),
        decidedAt: null,
        decidedBy: null,
        completedAt: null,
        awardId: null,
        evidencePublic: false,
      }),
    );
    const learner = await (await browser.newContext()).newPage();
    await signInAs(learner, base, "robin@learner.test", password);
    await learner.goto(`${base}/learn/${achievementId}/projects/mast`);
    await expect.poll(() => learner.getByText("Rig the practice mast").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);
    await learner.getByLabel("Your work (text)").fill("I rigged it and checked every shackle.");
    await learner.getByLabel("Files").setInputFiles({
      name: "report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 rigging report"),
    });
    await learner.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => learner.getByText("Your work is submitted.").count()).toBe(1);
    await expect.poll(() => learner.getByText("Revision 1: Awaiting grading").count()).toBe(1);

    // The assessor finds it in the queue and grades it in the rubric grid.
    await issuer.goto(`${base}/orgs/rigging/assessments`);
    await expectNoSeriousA11yViolations(issuer);
    await issuer
      .getByRole("row", { name: /Rig a mast/ })
      .getByRole("link")
      .click();
    await expect.poll(() => issuer.getByRole("link", { name: "report.pdf" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(issuer);
    await issuer.getByLabel("Safe (4 points)").check();
    await issuer.getByLabel("Feedback to the learner").fill("Careful, complete work.");
    await issuer.getByRole("button", { name: "Grade", exact: true }).click();
    await expect.poll(() => issuer.getByText("The submission is graded.").count()).toBe(1);

    await learner.reload();
    await expect
      .poll(() => learner.getByText("Your grade: 4 of 4 points (revision 1): passed.").count())
      .toBe(1);
    await expect.poll(() => learner.getByText("Careful, complete work.").count()).toBe(1);
    const awards = await ctx.database.executeSql("SELECT id FROM awards WHERE achievement_id = $1", [
      achievementId,
    ]);
    expect(awards.rows).toHaveLength(1);
  });
});
