// Browser steps shared by the earning journey (e2e/earning-journey.e2e.ts): accounts, a published micro-credential,
// and a learner working through their peer-review tasks.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoSeriousA11yViolations, signInAs } from "./browser.ts";
import type { TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";

export const PASSWORD = "journey password 1";

export const signIn = (page: Page, base: string, email: string) => signInAs(page, base, email, PASSWORD);

/** A new learner creates an account on the sign-up page. */
export async function signUp(page: Page, base: string, name: string, email: string) {
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"));
}

/** The owner of a new organization with one published micro-credential (as the issuing specs make them). */
export async function issuerWithMicroCredential(ctx: TestContext, email: string, slug: string) {
  const owner = await signedUp(ctx.app, { email, name: "Iris Issuer", password: PASSWORD });
  await owner.submit("/orgs", { name: "Workshop Safety Institute", slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    name: "Workshop Safety Planning",
    description: "Plans a safe small workshop and reviews others' plans.",
    criteria: "Complete the module, pass the quiz and the peer-reviewed project.",
    learningOutcomes: "Write a workshop safety plan\nReview a safety plan",
    workloadHours: "12",
    ects: "0.5",
    eqfLevel: "4",
    assessmentType: "project",
    participationForm: "online",
    qualityAssurance: "Peer review moderated by a qualified assessor.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {})).status).toBe(303);
  return achievementId;
}

/**
 * Works through every review in the learner's "To do" list, choosing `levels` (criterion name → level name) and
 * checking each page with axe. Returns the text of each piece of work reviewed.
 */
export async function reviewEverything(page: Page, levels: Record<string, RegExp>, comment: string) {
  const reviewed: string[] = [];
  const list = page.url();
  for (;;) {
    const todo = page.locator("h2:text-is('To do') + ul a");
    if ((await todo.count()) === 0) break;
    await todo.first().click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    await expectNoSeriousA11yViolations(page);
    reviewed.push((await page.locator("main").textContent()) ?? "");
    for (const [criterion, level] of Object.entries(levels)) {
      await page.getByRole("group", { name: criterion }).getByLabel(level).check();
    }
    await page.getByLabel("Comment for the learner (optional)").fill(comment);
    await page.getByRole("button", { name: "Submit the review" }).click();
    await expect.poll(() => page.getByText("Your review is submitted. Thank you.").count()).toBe(1);
    await page.goto(list);
  }
  return reviewed;
}
