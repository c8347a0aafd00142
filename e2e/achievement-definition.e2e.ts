import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, signUpWithOrganization, startE2e } from "../test/e2e-server.ts";

let e2e: E2e;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ browser, base } = e2e);
});
afterAll(() => e2e?.close());

const statusText = (page: Page) => page.getByRole("status").textContent();

describe("defining a micro-credential in Chromium", () => {
  it("defines one with EU elements and a skill, publishes it, and shows its public page", async () => {
    const page = await (await browser.newContext()).newPage();
    await signUpWithOrganization(
      page,
      base,
      { name: "Rita Registrar", email: "rita@harbour.test", password: "registrar password" },
      { name: "Harbour Institute", slug: "harbour" },
    );

    await page.getByRole("link", { name: "Micro-credentials" }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "New micro-credential" }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Title").fill("Safe Mooring Operations");
    await page.getByLabel("Description").fill("Plans and carries out mooring safely in all weather.");
    await page
      .getByLabel("Criteria: what a learner must do to earn it")
      .fill("Pass a supervised practical on the quay.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => statusText(page)).toContain("The draft is saved.");

    await page.getByRole("button", { name: "Publish version 1" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("List at least one learning outcome.");
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Learning outcomes").fill("Plan a mooring for given weather\nBrief a mooring crew");
    await page.getByLabel("Notional workload (hours)").fill("30");
    await page.getByLabel("ECTS credits").fill("1");
    await page.getByLabel("Type of assessment").selectOption("practical");
    await page.getByLabel("Form of participation").selectOption("onsite");
    await page.getByLabel("Quality assurance").fill("Assessed by two certified harbour masters.");
    await page.getByLabel("Skill 1 name").fill("Moor vessels");
    await page
      .getByLabel("Web address", { exact: true })
      .first()
      .fill("https://esco.example.org/skill/moor-vessels");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => statusText(page)).toContain("Version 1 is saved");
    await page.getByRole("button", { name: "Publish version 1" }).click();
    await expect.poll(() => statusText(page)).toContain("Version 1 is published.");

    await page.getByRole("link", { name: "Public page of version 1" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Safe Mooring Operations");
    await expect.poll(() => page.getByRole("main").textContent()).toContain("Moor vessels");
    await expectNoSeriousA11yViolations(page);
  });
});
