import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalog } from "../src/app/demo/demo-catalog.ts";
import { seedDemoAccreditation } from "../src/app/demo/demo-trust.ts";
import { DEMO_PASSWORD, seedDemo } from "../src/app/demo/seed-demo.ts";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";

let e2e: E2e;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ browser, base } = e2e);
  const deps = e2e.ctx.deps;
  await seedDemo(deps);
  await seedDemoAccreditation(deps, "northfield", "quinn@quality.test");
  await seedDemoCatalog(deps, await deps.passwords.hash(DEMO_PASSWORD), "quinn@quality.test");
}, 120_000);
afterAll(() => e2e?.close());

const noSidewaysScroll = async (page: Page) =>
  expect(
    Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")),
  ).toBeLessThanOrEqual(0);

/** A new learner sets a target skill, sorts the catalog by what fits, saves one and finds it on the saved list. */
async function journey(page: Page, email: string, phone: boolean) {
  const check = async () => {
    await expectNoSeriousA11yViolations(page);
    if (phone) await noSidewaysScroll(page);
  };
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill("Gina Goals");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${base}/orgs`);

  // The catalog invites a signed-in learner to set goals.
  await page.goto(`${base}/catalog`);
  await page.getByRole("link", { name: "Set learning goals" }).click();
  await page.waitForURL(`${base}/account/goals`);
  await check();
  await page.getByLabel("Add skills").fill("Kubernetes, threat modelling");
  await page.getByRole("button", { name: "Save goals" }).click();
  await page.waitForURL(`${base}/account/goals`);
  await expect(page.getByRole("status").textContent()).resolves.toContain("Your goals are saved.");
  expect(await page.getByRole("checkbox", { name: "kubernetes" }).isChecked()).toBe(true);
  await expect(page.getByText("Missing skills: kubernetes, threat modelling.").isVisible()).resolves.toBe(
    true,
  );
  await check();

  // Sort the catalog by what fits: the one covering both missing skills first.
  await page.getByRole("link", { name: "Catalog", exact: true }).first().click();
  await page.waitForURL(`${base}/catalog`);
  await page.getByLabel("Sort by").selectOption("fit");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/sort=fit/);
  const cards = page.locator(".catalog-card");
  expect(await cards.first().locator("h3").textContent()).toBe("Cloud Security Basics");
  expect(await cards.first().textContent()).toContain(
    "Covers 2 of your missing skills: threat modelling, kubernetes",
  );
  expect(await page.locator(".catalog-card h3").allTextContents()).toContain("Kubernetes Operations");
  await check();

  // Save it; the card says so.
  await page.getByRole("button", { name: "Save Cloud Security Basics" }).click();
  await page.waitForURL(/sort=fit/);
  await expect(page.getByRole("status").first().textContent()).resolves.toContain(
    "Saved “Cloud Security Basics” to your list.",
  );
  await expect(
    page.getByRole("button", { name: "Remove Cloud Security Basics from saved" }).isVisible(),
  ).resolves.toBe(true);
  await check();

  // The saved list.
  await page.getByRole("link", { name: "Saved (1)" }).click();
  await page.waitForURL(`${base}/account/saved`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Saved micro-credentials");
  await expect(page.getByRole("link", { name: "Cloud Security Basics" }).isVisible()).resolves.toBe(true);
  await check();
}

describe("a learner with goals in the catalog", () => {
  it("sets a target skill, sorts by what fits, saves one and finds it saved, on a desktop", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await journey(await context.newPage(), "gina@goals.test", false);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("does the same on a phone, with no sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await journey(await context.newPage(), "gina-phone@goals.test", true);
    } finally {
      await context.close();
    }
  }, 120_000);
});
