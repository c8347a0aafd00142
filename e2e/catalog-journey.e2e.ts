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
  // The demo's catalog, seeded as `cairn demo` seeds it.
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

/**
 * A learner, new to Cairn: searches by a skill, narrows to accredited and under 6 weeks, compares three, and enrols
 * in one from the catalog (signing in on the way).
 */
async function journey(page: Page, phone: boolean, learner: string) {
  await page.goto(base);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await page.waitForURL(`${base}/catalog`);
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" }).isVisible()).resolves.toBe(true);
  await expectNoSeriousA11yViolations(page);
  if (phone) await noSidewaysScroll(page);

  // Search by a skill.
  await page.getByLabel("Search names, descriptions, outcomes and skills").fill("patient safety");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/q=patient\+safety/);
  const firstHits = await page.locator(".catalog-card h3").allTextContents();
  expect(firstHits).toEqual(
    expect.arrayContaining(["Patient Safety Essentials", "Medication Administration"]),
  );
  // The skill facet counts what the search found; choosing it keeps exactly those that certify the skill.
  await page.getByLabel("Skill", { exact: true }).selectOption("patient safety");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/skill=patient\+safety/);
  expect((await page.locator(".catalog-card h3").allTextContents()).sort()).toEqual([
    "Medication Administration",
    "Patient Safety Essentials",
  ]);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Skill", { exact: true }).selectOption("");

  // Widen to every healthcare offer, then narrow to accredited ones under 6 weeks.
  await page.getByLabel("Search names, descriptions, outcomes and skills").fill("");
  await page.getByLabel("Industry").selectOption("healthcare");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/industry=healthcare/);
  expect(await page.locator(".catalog-card").count()).toBe(4);
  await page.getByLabel("Duration").selectOption("under-6");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/duration=under-6/);
  const underSix = await page.locator(".catalog-card h3").allTextContents();
  expect(underSix.sort()).toEqual([
    "Digital Health Records",
    "Infection Prevention and Control",
    "Patient Safety Essentials",
  ]);
  await page.getByLabel("Industry").selectOption("");
  await page.getByLabel(/Accredited only/).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/accredited=yes/);
  const accredited = await page.locator(".catalog-card h3").allTextContents();
  // Harbour Tech is accredited as a whole; of Meridian's, only Medication Administration (6 weeks) is.
  expect(accredited.sort()).toEqual([
    "Kubernetes Operations",
    "Python for Automation",
    "UX Research Sprint",
    "Web Accessibility Essentials",
  ]);
  await expectNoSeriousA11yViolations(page);
  if (phone) await noSidewaysScroll(page);

  // The state lives in the URL: back returns to the previous filters.
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes("accredited"));
  expect(await page.getByLabel("Duration").inputValue()).toBe("under-6");
  await page.goForward();
  await page.waitForURL(/accredited=yes/);

  // Compare three.
  for (const name of ["Kubernetes Operations", "Python for Automation", "Web Accessibility Essentials"])
    await page.getByRole("checkbox", { name: `Compare ${name}` }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await page.waitForURL(/\/catalog\/compare\?/);
  const table = page.getByRole("region", { name: "Comparison table" });
  // One column each, in the order the catalog listed them.
  expect((await table.getByRole("columnheader").allTextContents()).sort()).toEqual([
    "Kubernetes Operations",
    "Python for Automation",
    "Web Accessibility Essentials",
  ]);
  expect(await table.getByRole("row", { name: /^Cost/ }).textContent()).toContain("Free");
  expect(await table.getByRole("row", { name: /^Accreditation/ }).textContent()).toContain(
    "Accredited by Quality Agency for Micro-credentials",
  );
  await expectNoSeriousA11yViolations(page);
  if (phone) await noSidewaysScroll(page);

  // The provider's page, linked from the comparison.
  await table.getByRole("link", { name: "Harbour Tech Institute" }).first().click();
  await page.waitForURL(`${base}/catalog/providers/harbour-tech`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Harbour Tech Institute");
  await expectNoSeriousA11yViolations(page);
  if (phone) await noSidewaysScroll(page);

  // Enrol in one, from its catalog card: sign in first, then enrol on its learning path.
  await page.goto(`${base}/catalog?provider=harbour-tech&accredited=yes&duration=under-6`);
  await page.getByRole("link", { name: "Sign in to enrol Web Accessibility Essentials" }).click();
  await page.waitForURL(/\/signin\?next=/);
  await page.getByLabel("Email address").fill(learner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
  await page.goto(`${base}/catalog?provider=harbour-tech&accredited=yes&duration=under-6`);
  await page.getByRole("button", { name: "Enrol Web Accessibility Essentials" }).click();
  await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Web Accessibility Essentials");
  await expect.poll(() => page.getByRole("link", { name: /What WCAG 2.2 asks/ }).count()).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
  if (phone) await noSidewaysScroll(page);
  await page.goto(`${base}/catalog?provider=harbour-tech`);
  await expect
    .poll(() => page.getByRole("link", { name: "Continue learning Web Accessibility Essentials" }).count())
    .toBe(1);
}

describe("a learner choosing from the catalog", () => {
  it("searches by a skill, filters to accredited and under 6 weeks, compares three and enrols in one on a desktop", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await journey(await context.newPage(), false, "lena@learner.test");
    } finally {
      await context.close();
    }
  }, 120_000);

  it("does the same on a phone, with no sideways scrolling of the page", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await journey(await context.newPage(), true, "luis@learner.test");
    } finally {
      await context.close();
    }
  }, 120_000);
});
