import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, signUpWithOrganization, startE2e } from "../test/e2e-server.ts";
import { mailTo, type TestContext } from "../test/harness.ts";
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

const PASSWORD = "correct horse battery";
const pathIn = (text: string, pattern: RegExp) => pattern.exec(text)?.[0] ?? "";

/** A college publishes two micro-credentials aligned to skills and awards one to the employee, who claims it. */
async function employeeWithCredential(email: string) {
  const owner = await signedUp(ctx.app, { email: "registrar@college.test" });
  await owner.submit("/orgs", { name: "Harbour College", slug: "harbour" });
  const publish = async (name: string, skill: string, code: string) => {
    const response = await owner.submit("/orgs/harbour/achievements", {
      name,
      description: `${name}, assessed in practice.`,
      criteria: "Pass a supervised practical.",
      learningOutcomes: "Work safely",
      workloadHours: "20",
      ects: "1",
      eqfLevel: "4",
      assessmentType: "practical",
      participationForm: "onsite",
      qualityAssurance: "Two assessors.",
      skill0Name: skill,
      skill0Code: code,
      skill0Framework: "Cairn starter",
      skill0Url: `https://skills.example.org/${code}`,
    });
    const id = response.headers.get("location")?.split("/").at(-1) ?? "";
    await owner.submit(`/orgs/harbour/achievements/${id}/publish`, {});
    return id;
  };
  const welding = await publish("Safe Welding", "Welding", "W-1");
  await publish("First Aid at Work", "First aid", "FA-1");
  await owner.submit(`/orgs/harbour/achievements/${welding}/award`, {
    nonce: "e2e-workforce",
    recipient: email,
    recipientName: "Ada Lovelace",
    notify: "yes",
  });
  const claim = pathIn((await mailTo(ctx, email, /Safe Welding/)).text, /\/claim\/[A-Za-z0-9_-]+/);
  const ada = await signedUp(ctx.app, { email, name: "Ada Lovelace", password: PASSWORD });
  expect((await ada.submit(claim, {})).status).toBe(303);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("workforce upskilling in Chromium", () => {
  it("defines a role, invites an employee who consents, shows the gap and sponsors a micro-credential", async () => {
    await employeeWithCredential("ada@acme.test");
    const hr = await (await browser.newContext()).newPage();
    await signUpWithOrganization(
      hr,
      base,
      { name: "Hana HR", email: "hana@acme.test", password: PASSWORD },
      { name: "Acme Shipyard", slug: "acme" },
    );
    await hr.getByRole("link", { name: "Workforce" }).click();
    await expectNoSeriousA11yViolations(hr);
    await hr.getByRole("link", { name: "Role profiles" }).click();
    await hr.getByRole("link", { name: "New role profile" }).click();
    await hr.getByLabel("Role name").fill("Warehouse lead");
    const skill = (n: number) => hr.getByRole("group", { name: `Skill ${n}` });
    await skill(1).getByLabel("Name").fill("Welding");
    await skill(1).getByLabel("Code").fill("W-1");
    await skill(1).getByLabel("Minimum EQF level").selectOption("4");
    await skill(2).getByLabel("Name").fill("First aid");
    await skill(2).getByLabel("Code").fill("FA-1");
    await expectNoSeriousA11yViolations(hr);
    await hr.getByRole("button", { name: "Save role profile" }).click();
    await expect.poll(() => hr.getByRole("link", { name: "Warehouse lead" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(hr);

    await hr.getByRole("link", { name: "Employees" }).click();
    await hr.getByLabel("Email address").fill("ada@acme.test");
    await hr.getByLabel("Name (optional)").fill("Ada Lovelace");
    await hr.getByLabel("Role profile", { exact: true }).selectOption({ label: "Warehouse lead" });
    await hr.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => hr.getByText("Invited, not shared yet").count()).toBe(1);
    await expectNoSeriousA11yViolations(hr);

    const invite = pathIn(
      (await mailTo(ctx, "ada@acme.test", /share your Cairn wallet/)).text,
      /\/workforce\/invitations\/[A-Za-z0-9_-]+/,
    );
    const ada = await (await browser.newContext()).newPage();
    await signIn(ada, "ada@acme.test");
    await ada.goto(`${base}${invite}`);
    await expect.poll(() => ada.getByText("Safe Welding").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(ada);
    await ada.getByRole("button", { name: "Share my wallet with Acme Shipyard" }).click();
    await expect.poll(() => ada.getByRole("heading", { name: "Employers", level: 1 }).count()).toBe(1);
    await expectNoSeriousA11yViolations(ada);

    await hr.getByRole("link", { name: "Skills gap" }).click();
    const matrix = hr.getByRole("region", { name: "Skills-gap matrix" });
    await expect.poll(() => matrix.getByText("Met", { exact: true }).count()).toBe(1);
    expect(await matrix.getByText("Missing", { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(hr);
    await hr.setViewportSize({ width: 375, height: 800 });
    const overflow = Number(await hr.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(hr);
    await hr.setViewportSize({ width: 1280, height: 900 });
    expect(await hr.getByRole("link", { name: "First Aid at Work" }).count()).toBe(1);
    await hr.getByRole("button", { name: "Offer a sponsored place in First Aid at Work" }).click();
    await expect.poll(() => hr.getByText("First Aid at Work: offered").count()).toBe(1);

    await mailTo(ctx, "ada@acme.test", /sponsor/);
    await ada.reload();
    await ada.getByRole("button", { name: "Accept First Aid at Work" }).click();
    await expect.poll(() => ada.getByText("You accepted the sponsored place.").count()).toBe(1);
    await expectNoSeriousA11yViolations(ada);
    await hr.reload();
    expect(await hr.getByText("First Aid at Work: accepted").count()).toBe(1);

    await hr.getByRole("link", { name: "Coverage" }).click();
    await expect.poll(() => hr.getByRole("cell", { name: "50%" }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(hr);
  });
});
