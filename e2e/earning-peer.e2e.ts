import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, signInAs } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { enrolledLearner, PASSWORD, peerOrganization, submitWork } from "../test/peer-fixtures.ts";

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e?.close());

describe("peer review in the browser", () => {
  it("a learner reviews a peer's project anonymously; the health page shows it, each page accessible", async () => {
    const { ctx, base, browser } = e2e;
    const org = await peerOrganization(ctx, "Lantern Guild");
    const [ada, ben, cleo] = [
      await enrolledLearner(ctx, org, "Ada Lantern"),
      await enrolledLearner(ctx, org, "Ben Lantern"),
      await enrolledLearner(ctx, org, "Cleo Lantern"),
    ];
    await submitWork(ctx, org, ada, "Ada's plan: exits marked.");
    await submitWork(ctx, org, ben, "Ben's plan: a fire drill every term.");
    await submitWork(ctx, org, cleo, "Cleo's plan: first-aid kit by the door.");

    const page = await (await browser.newContext()).newPage();
    await signInAs(page, base, ada.email, PASSWORD);
    await page.goto(`${base}/learn/${org.achievementId}/reviews`);
    await expect.poll(() => page.getByRole("heading", { name: "Your peer reviews" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Review 1: Your safety plan" }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    const body = await page.content();
    for (const other of [ben, cleo]) {
      expect(body).not.toContain(other.name);
      expect(body).not.toContain(other.email);
    }
    await expectNoSeriousA11yViolations(page);

    // Submitting with a criterion left out shows the problem, then the complete review goes through.
    await page.getByRole("group", { name: "Clarity" }).getByLabel(/Crisp/).check();
    await page.getByRole("button", { name: "Submit the review" }).click();
    await expect.poll(() => page.getByText("Choose a level for “Coverage”.").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await page
      .getByRole("group", { name: "Coverage" })
      .getByLabel(/Complete/)
      .check();
    await page
      .getByLabel("Comment for the learner (optional)")
      .fill("Clear and complete. Add a drill schedule.");
    await page.getByRole("button", { name: "Submit the review" }).click();
    await expect.poll(() => page.getByText("Your review is submitted. Thank you.").count()).toBe(1);
    await expect.poll(() => page.getByText(/You submitted this review on/).count()).toBe(1);
    const done = await ctx.database.executeSql(
      "SELECT count(*)::int AS n FROM peer_reviews WHERE reviewer_enrolment_id = $1 AND submitted_at IS NOT NULL",
      [ada.enrolmentId],
    );
    expect(done.rows[0]?.n).toBe(1);
    await page.goto(`${base}/learn/${org.achievementId}/reviews`);
    await expectNoSeriousA11yViolations(page);

    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, base, org.ownerEmail, PASSWORD);
    await staff.goto(`${base}/orgs/${org.slug}/assessments/peer-review`);
    await expect.poll(() => staff.getByRole("heading", { name: "Peer-review health" }).count()).toBe(1);
    await expect.poll(() => staff.getByText("Your safety plan").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(staff);
  });
});
