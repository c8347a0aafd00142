// Issue 5's browser journey: an issuer builds a learning path (module, quiz, peer-reviewed project), three learners
// enrol, the main learner passes the quiz and submits the project, two peers review it, the assessor confirms the
// grade the peers' median suggests, and the credential lands in the learner's wallet and verifies with the scores
// and the evidence that earned it inside. The main learner works on a phone-sized screen; every page passes axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { issuerWithMicroCredential, reviewEverything, signIn, signUp } from "../test/earning-journey.ts";
import type { TestContext } from "../test/harness.ts";

let e2e: E2e;
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ ctx, browser, base } = e2e);
});
afterAll(() => e2e?.close());

type Json = Record<string, unknown>;
const PHONE = { width: 390, height: 844 };
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;
const newPage = async (viewport?: typeof PHONE) =>
  (await browser.newContext(viewport ? { viewport } : {})).newPage();

/** On a phone the page must not scroll sideways. */
async function fitsThePhone(page: Page) {
  const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The issuer builds the path in the course, quiz and project editors. */
async function buildLearningPath(issuer: Page, slug: string, achievementId: string) {
  await issuer.goto(`${base}/orgs/${slug}/achievements/${achievementId}`);
  await issuer.getByRole("link", { name: "Course: modules, assessments and enrolment" }).click();
  await issuer.getByLabel("Title", { exact: true }).fill("Hazards in the workshop");
  await issuer
    .getByLabel("Content")
    .fill("# Spotting hazards\n\nWalk the room **before** you plan.\n\n- exits\n- power\n- sharp tools");
  await issuer.getByRole("button", { name: "Add the module" }).click();
  await expect.poll(() => issuer.getByText("The module “Hazards in the workshop” is added.").count()).toBe(1);

  await issuer.getByRole("link", { name: "Hazards in the workshop" }).click();
  await issuer.getByLabel("Add a quiz: its title").fill("Hazard check");
  await issuer.getByRole("button", { name: "Add a quiz" }).click();
  await issuer.getByRole("heading", { name: "Quiz: Hazard check" }).waitFor();
  const quizEditor = issuer.url().replace(/[?#].*$/, "");
  await issuer.getByRole("link", { name: "Single choice" }).click();
  await issuer.getByLabel("Question", { exact: true }).fill("What do you check first in a workshop?");
  await issuer.getByLabel("Option 1", { exact: true }).fill("The paint colour");
  await issuer.getByLabel("Option 2", { exact: true }).fill("The fire exits");
  await issuer.getByLabel("Option 2 is correct").check();
  await issuer.getByRole("button", { name: "Save the question" }).click();
  await issuer.waitForURL(`${quizEditor}#questions`);
  await issuer.getByRole("link", { name: "Number" }).click();
  await issuer.getByLabel("Question", { exact: true }).fill("How many metres must an exit path stay clear?");
  await issuer.getByLabel("Correct answer").fill("1");
  await issuer.getByRole("button", { name: "Save the question" }).click();
  await issuer.waitForURL(`${quizEditor}#questions`);
  await issuer.getByRole("heading", { name: "Question bank (2)" }).waitFor();

  await issuer.getByRole("link", { name: "Back to the course" }).click();
  await issuer.getByRole("link", { name: "Hazards in the workshop" }).click();
  await issuer.getByLabel("Add a project: its title").fill("Your safety plan");
  await issuer.getByRole("button", { name: "Add a project" }).click();
  await issuer.getByRole("heading", { name: "Project: Your safety plan" }).waitFor();
  await issuer.getByLabel("Brief (Markdown)").fill("Write a one-page safety plan for a small workshop.");
  await issuer.getByLabel("Points needed to pass").fill("4");
  const criteria: [string, [string, string][]][] = [
    [
      "Clarity",
      [
        ["Unclear", "0"],
        ["Clear", "2"],
        ["Crisp", "4"],
      ],
    ],
    [
      "Coverage",
      [
        ["Gaps", "0"],
        ["Complete", "3"],
      ],
    ],
  ];
  // The editor offers one new criterion at a time: the second comes after the first is saved.
  for (const [name, levels] of criteria) {
    const criterion = issuer.getByRole("group", { name: "New criterion" });
    await criterion.getByLabel("Criterion name").fill(name);
    for (const [i, [level, points]] of levels.entries()) {
      await criterion.getByLabel(`Level ${i + 1} name`).fill(level);
      await criterion.getByLabel(`Level ${i + 1} points`).fill(points);
      await criterion.getByLabel(`Level ${i + 1} descriptor`).fill(`${level} ${name.toLowerCase()}`);
    }
    if (name === "Coverage") {
      await issuer.getByLabel("Learners review each other's submissions").check();
      await issuer.getByLabel("Reviews each submission receives").fill("2");
      await issuer.getByLabel("Flag for an assessor when reviewers differ by more than (points)").fill("2");
      await issuer.getByLabel("Learners must review before they are graded").check();
    }
    await issuer.getByRole("button", { name: "Save the project" }).click();
    await expect.poll(() => issuer.getByText("The project is saved.").count()).toBe(1);
  }
  await issuer.getByRole("group", { name: "Criterion 2: Coverage" }).waitFor();
  expect(await issuer.getByText("The rubric is worth 7 points in all.").count()).toBe(1);
  await expectNoSeriousA11yViolations(issuer);

  // No award rules are set: the default (module done, quiz passed, project at its pass points) applies.
  await issuer.goto(`${base}/orgs/${slug}/achievements/${achievementId}/course/rules`);
  await expect.poll(() => issuer.getByText(/No rules are set, so the default applies/).count()).toBe(1);
}

/** A learner signs up and enrols from the micro-credential's public page. */
async function enrolledLearner(name: string, email: string, achievementId: string, viewport?: typeof PHONE) {
  const page = await newPage(viewport);
  await signUp(page, base, name, email);
  await page.goto(`${base}/achievements/${achievementId}`);
  await page.getByRole("button", { name: "Enrol", exact: true }).click();
  await page.waitForURL(`${base}/learn/${achievementId}`);
  await expect.poll(() => page.getByText("You are enrolled.").count()).toBe(1);
  return page;
}

async function submitProject(page: Page, achievementId: string, text: string, link: string) {
  await page.goto(`${base}/learn/${achievementId}`);
  await page.getByRole("link", { name: "Your safety plan" }).click();
  await page.getByRole("heading", { name: "Your safety plan", level: 1 }).waitFor();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Your work (text)").fill(text);
  await page.getByLabel("Links, one per line").fill(link);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect.poll(() => page.getByText("Your work is submitted.").count()).toBe(1);
}

describe("earning a micro-credential in Chromium", () => {
  it("a learner passes a quiz and a peer-reviewed project, an assessor confirms, the credential verifies with its results", async () => {
    const slug = "safety-institute";
    const achievementId = await issuerWithMicroCredential(ctx, "iris@safety.test", slug);
    const issuer = await newPage();
    await signIn(issuer, base, "iris@safety.test");
    await buildLearningPath(issuer, slug, achievementId);

    // The main learner, on a phone: enrols, reads the module, passes the quiz, submits the project.
    const ada = await enrolledLearner("Ada Apprentice", "ada@learner.test", achievementId, PHONE);
    await expectNoSeriousA11yViolations(ada);
    await fitsThePhone(ada);
    await ada.getByRole("link", { name: "Hazards in the workshop" }).click();
    await ada.getByRole("heading", { name: "Spotting hazards" }).waitFor();
    expect(await ada.locator(".module-body strong").textContent()).toBe("before");
    await expectNoSeriousA11yViolations(ada);
    await fitsThePhone(ada);
    await ada.getByRole("button", { name: "Mark this module complete" }).click();
    await expect.poll(() => ada.getByText("“Hazards in the workshop” is complete.").count()).toBe(1);

    await ada.getByRole("link", { name: "Hazard check" }).click();
    await ada.getByRole("heading", { name: "Hazard check" }).waitFor();
    await expectNoSeriousA11yViolations(ada);
    await ada.getByRole("button", { name: "Start attempt 1" }).click();
    await ada.waitForURL(/\/attempts\//);
    await expectNoSeriousA11yViolations(ada);
    await fitsThePhone(ada);
    await ada.getByLabel("The fire exits").check();
    await ada.getByLabel("How many metres must an exit path stay clear?").fill("1");
    await ada.getByRole("button", { name: "Submit answers" }).click();
    await ada.getByRole("heading", { name: /result of attempt 1/ }).waitFor();
    expect(await ada.locator(".lead").textContent()).toContain("Passed: 100%");
    await expectNoSeriousA11yViolations(ada);
    await fitsThePhone(ada);

    const adaText = "Ada's plan: exits kept clear, power cut-off labelled, blades guarded.";
    await submitProject(ada, achievementId, adaText, "https://example.org/ada-floor-plan");
    await fitsThePhone(ada);
    await expect.poll(() => ada.getByText("Revision 1: Awaiting grading").count()).toBe(1);

    // Two peers enrol and submit; each submission that arrives is assigned for review at once.
    const ben = await enrolledLearner("Ben Builder", "ben@learner.test", achievementId);
    await expectNoSeriousA11yViolations(ben);
    await submitProject(
      ben,
      achievementId,
      "Ben's plan: a fire drill every term.",
      "https://example.org/ben",
    );
    const cleo = await enrolledLearner("Cleo Carpenter", "cleo@learner.test", achievementId);
    await submitProject(
      cleo,
      achievementId,
      "Cleo's plan: a first-aid kit by the door.",
      "https://example.org/c",
    );

    const [adaWork] = await sql(
      `SELECT s.id, s.enrolment_id FROM project_submissions s JOIN enrolments e ON e.id = s.enrolment_id
       JOIN users u ON u.id = e.user_id WHERE u.email = 'ada@learner.test'`,
    );
    const adaReviewers = await sql(
      `SELECT u.email FROM peer_reviews p JOIN enrolments e ON e.id = p.reviewer_enrolment_id
       JOIN users u ON u.id = e.user_id WHERE p.submission_id = $1 ORDER BY u.email`,
      [adaWork?.id],
    );
    expect(adaReviewers.map((row) => row.email)).toEqual(["ben@learner.test", "cleo@learner.test"]);

    // The peers review (Ada's work among theirs), both rating it Crisp and Complete.
    for (const peer of [ben, cleo]) {
      await peer.goto(`${base}/learn/${achievementId}/reviews`);
      await expectNoSeriousA11yViolations(peer);
      const reviewed = await reviewEverything(
        peer,
        { Clarity: /^Crisp/, Coverage: /^Complete/ },
        "Clear and complete. Add a drill schedule.",
      );
      expect(reviewed.filter((text) => text.includes(adaText))).toHaveLength(1);
      for (const text of reviewed) expect(text).not.toMatch(/Ada Apprentice|Ben Builder|Cleo Carpenter/);
    }

    // Grading waits for Ada's own reviews: the project page leads her to them.
    await issuer.goto(`${base}/orgs/${slug}/assessments/${adaWork?.id}`);
    await expect.poll(() => issuer.getByText(/must complete their peer reviews/).count()).toBe(1);
    await ada.goto(`${base}/learn/${achievementId}`);
    await ada.getByRole("link", { name: "Your safety plan" }).click();
    await ada.getByRole("link", { name: "Your peer reviews" }).click();
    await ada.getByRole("heading", { name: "Your peer reviews" }).waitFor();
    expect(
      await reviewEverything(ada, { Clarity: /^Clear/, Coverage: /^Complete/ }, "Good start."),
    ).toHaveLength(2);

    // The assessor opens the queue, sees the peers' medians, and confirms the suggested grade.
    await issuer.goto(`${base}/orgs/${slug}/assessments`);
    await issuer.getByRole("heading", { name: "Submissions awaiting grading" }).waitFor();
    await expectNoSeriousA11yViolations(issuer);
    await issuer
      .getByRole("row", { name: /Ada Apprentice/ })
      .getByRole("link")
      .click();
    await issuer.getByRole("heading", { name: "Peer review" }).waitFor();
    expect(await issuer.getByText("2 of 2 reviews received").count()).toBe(1);
    const medians = issuer.getByRole("table", { name: /Reviewers' scores per criterion/ });
    expect(await medians.getByRole("row", { name: /Clarity/ }).textContent()).toMatch(/Clarity4Crisp4–4/);
    expect(await medians.getByRole("row", { name: /Coverage/ }).textContent()).toMatch(
      /Coverage3Complete3–3/,
    );
    expect(
      await issuer
        .getByRole("group", { name: "Clarity" })
        .getByLabel(/^Crisp/)
        .isChecked(),
    ).toBe(true);
    expect(
      await issuer
        .getByRole("group", { name: "Coverage" })
        .getByLabel(/^Complete/)
        .isChecked(),
    ).toBe(true);
    await expectNoSeriousA11yViolations(issuer);
    await issuer.getByLabel("Feedback to the learner").fill("A thorough plan; your peers agree.");
    await issuer.getByRole("button", { name: "Grade", exact: true }).click();
    await expect.poll(() => issuer.getByText("The submission is graded.").count()).toBe(1);

    // The credential is in Ada's account: the dashboard links to it in her wallet.
    await ada.goto(`${base}/learn`);
    await expect.poll(() => ada.getByText("100% done").count()).toBe(1);
    await expectNoSeriousA11yViolations(ada);
    await ada.getByRole("link", { name: "See the credential in your wallet" }).click();
    await ada.waitForURL(/\/wallet\/[0-9a-f-]{36}$/);
    await ada.getByRole("heading", { name: "Workshop Safety Planning" }).first().waitFor();
    const download = ada.getByRole("link", { name: "Signed credential (JSON)" });
    const file = await ada.request.get(new URL((await download.getAttribute("href")) ?? "", base).href);
    expect(file.status()).toBe(200);
    const credential = (await file.json()) as Json;
    const verified = await ada.request.post(`${base}/credentials/verify`, {
      data: { verifiableCredential: credential },
    });
    const report = (await verified.json()) as { verified: boolean; checks: { id: string; status: string }[] };
    expect(report.checks.filter((c) => c.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
    expectResultsInside(credential, String(adaWork?.enrolment_id));

    // Ada opens her learning record from the course, makes it public, and a stranger can read it.
    await ada.goto(`${base}/learn/${achievementId}`);
    await ada.getByRole("link", { name: "your learning record" }).click();
    await ada.waitForURL(`${base}/evidence/${adaWork?.enrolment_id}`);
    await expect.poll(() => ada.getByText(/This page is private/).count()).toBe(1);
    await expectNoSeriousA11yViolations(ada);
    const stranger = await newPage();
    const evidenceUrl = `${base}/evidence/${adaWork?.enrolment_id}`;
    expect((await stranger.goto(evidenceUrl))?.status()).toBe(404);
    await ada.getByRole("button", { name: "Make it public" }).click();
    await expect.poll(() => ada.getByText("Your learning record is public.").count()).toBe(1);
    expect((await stranger.goto(evidenceUrl))?.status()).toBe(200);
    const record = (await stranger.locator("main").textContent()) ?? "";
    expect(record).toContain("Hazard check");
    expect(record).toContain(adaText);
    expect(record).toContain("Gave 2 peer reviews to other learners.");
    await expectNoSeriousA11yViolations(stranger);
  });
});

/** The verified credential carries the quiz score and rubric levels, the evidence link and the activity dates. */
function expectResultsInside(credential: Json, enrolmentId: string) {
  const subject = credential.credentialSubject as Json;
  const descriptions = (subject.achievement as Json).resultDescription as Json[];
  const described = new Map(descriptions.map((d) => [String(d.id), d]));
  const results = subject.result as Json[];
  for (const result of results) expect(described.has(String(result.resultDescription))).toBe(true);
  const of = (result: Json) => described.get(String(result.resultDescription)) as Json;
  const quiz = results.find((r) => of(r).resultType === "Percent");
  expect(quiz).toMatchObject({ value: "100" });
  expect(of(quiz as Json).name).toContain("Hazard check");
  const levels = results.filter((r) => of(r).resultType === "RubricCriterionLevel");
  expect(levels.map((r) => r.value).sort()).toEqual(["Complete", "Crisp"]);
  for (const level of levels) {
    const allowed = ((of(level).rubricCriterionLevel ?? []) as Json[]).map((l) => l.id);
    expect(allowed).toContain(level.achievedLevel);
  }
  expect(results.find((r) => of(r).resultType === "RubricScore")).toMatchObject({ value: "7" });
  const evidence = credential.evidence as Json[];
  expect(evidence.map((e) => e.id)).toContain(`${base}/evidence/${enrolmentId}`);
  expect(subject.activityStartDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(Date.parse(String(subject.activityEndDate))).toBeGreaterThanOrEqual(
    Date.parse(String(subject.activityStartDate)),
  );
}
