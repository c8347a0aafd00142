import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, signUpWithOrganization, startE2e } from "../test/e2e-server.ts";
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

const statusText = (page: Page) => page.getByRole("status").first().textContent();

/** 50 rows: row 12 has a bad address, row 32 repeats row 31's recipient. */
function csvWithTwoBadRows(): string {
  const lines = ["recipient,recipientName,evidenceUrl,narrative,result,issuedOn,validUntil"];
  for (let i = 1; i <= 50; i++) {
    const recipient =
      i === 12 ? "not-an-address" : i === 32 ? "learner31@harbour.test" : `learner${i}@harbour.test`;
    lines.push(`${recipient},Learner ${i},,,Pass,,`);
  }
  const file = join(mkdtempSync(join(tmpdir(), "cairn-e2e-")), "awards.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("issuing in Chromium", () => {
  it("defines and publishes, awards one, awards 48 of 50 by CSV, revokes one and sees it verify as revoked", async () => {
    const page = await (await browser.newContext()).newPage();
    await signUpWithOrganization(
      page,
      base,
      { name: "Rita Registrar", email: "rita@harbour.test", password: "registrar password" },
      { name: "Harbour Institute", slug: "harbour", country: "NL" },
    );

    await page.goto(`${base}/orgs/harbour/achievements/new`);
    await page.getByLabel("Title").fill("Safe Mooring Operations");
    await page.getByLabel("Description").fill("Plans and carries out mooring safely in all weather.");
    await page
      .getByLabel("Criteria: what a learner must do to earn it")
      .fill("Pass a supervised practical on the quay.");
    await page.getByLabel("Learning outcomes").fill("Plan a mooring for given weather\nBrief a mooring crew");
    await page.getByLabel("Notional workload (hours)").fill("30");
    await page.getByLabel("ECTS credits").fill("1");
    await page.getByLabel("EQF level (1–8), if applicable").fill("4");
    await page.getByLabel("Type of assessment").selectOption("practical");
    await page.getByLabel("Form of participation").selectOption("onsite");
    await page.getByLabel("Quality assurance").fill("Assessed by two certified harbour masters.");
    await page.getByLabel("Skill 1 name").fill("Moor vessels");
    await page.getByLabel("Web address", { exact: true }).first().fill(`${base}/skills/cairn:teamwork`);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("button", { name: "Publish version 1" }).click();
    await expect.poll(() => statusText(page)).toContain("Version 1 is published.");
    const definitionUrl = page.url();

    await page.getByRole("link", { name: "Award", exact: true }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Recipient's email address or DID").fill("ivan@harbour.test");
    await page.getByLabel("Recipient's name").fill("Ivan Isaksen");
    await page.getByRole("button", { name: "Award" }).click();
    await expect.poll(() => statusText(page)).toContain("Awarded to ivan@harbour.test");
    await expectNoSeriousA11yViolations(page);
    const awardUrl = page.url();
    const credentialId = (await page.locator("code").first().textContent()) ?? "";

    await page.goto(definitionUrl);
    await page.getByRole("link", { name: "Award in bulk (CSV)" }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("CSV file").setInputFiles(csvWithTwoBadRows());
    await page.getByRole("button", { name: "Check and award" }).click();
    await expect.poll(() => page.getByRole("main").textContent()).toContain("48 queued, 2 rows with errors");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Follow the progress" }).click();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole("main").textContent();
        },
        {
          timeout: 60_000,
          interval: 1_000,
        },
      )
      .toMatch(/48\s*issued/);
    await expectNoSeriousA11yViolations(page);

    await page.goto(awardUrl);
    await page.getByLabel("Action").selectOption("revoke");
    await page.getByLabel("Reason").fill("Awarded in error.");
    await page.getByRole("button", { name: "Change the status" }).click();
    await expect.poll(() => page.getByRole("main").textContent()).toContain("Revoked");

    const stored = await ctx.database.executeSql("SELECT document FROM issued_credentials WHERE id = $1", [
      credentialId,
    ]);
    const verified = await page.request.post(`${base}/credentials/verify`, {
      data: { verifiableCredential: stored.rows[0]?.document },
    });
    expect(verified.status()).toBe(400);
    const report = (await verified.json()) as { checks: { id: string; status: string; message: string }[] };
    const status = report.checks.find((c) => c.id === "status");
    expect(status?.status).toBe("failed");
    expect(status?.message).toContain("Awarded in error.");

    for (const path of [
      "/orgs/harbour/awards",
      "/orgs/harbour/awards/dashboard",
      "/orgs/harbour/audit",
      "/orgs/harbour/skills",
      "/orgs/harbour/images",
    ]) {
      await page.goto(`${base}${path}`);
      await expectNoSeriousA11yViolations(page);
    }
    expect(Number((await ctx.database.executeSql("SELECT count(*)::int AS n FROM awards")).rows[0]?.n)).toBe(
      49,
    );
  });
});
