import { type ServerType, serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, launchBrowser } from "../test/browser.ts";
import { startTestContext, type TestContext } from "../test/harness.ts";
import { freePort } from "../test/postgres-server.ts";

let ctx: TestContext;
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  ctx = await startTestContext({ publicUrl: base });
  server = serve({ fetch: ctx.app.fetch, port, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

const statusText = (page: Page) => page.getByRole("status").textContent();

describe("defining a micro-credential in Chromium", () => {
  it("defines one with EU elements and a skill, publishes it, and shows its public page", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/signup`);
    await page.getByLabel("Your name").fill("Rita Registrar");
    await page.getByLabel("Email address").fill("rita@harbour.test");
    await page.getByLabel("Password").fill("registrar password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${base}/orgs`);
    await page.goto(`${base}/orgs/new`);
    await page.getByLabel("Name", { exact: true }).fill("Harbour Institute");
    await page.getByLabel("Web address").fill("harbour");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.waitForURL(`${base}/orgs/harbour`);

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
