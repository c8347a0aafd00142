import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../src/mail/mailer.ts";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { eventually } from "../test/harness.ts";
import { startSmtpListener } from "../test/smtp-listener.ts";

let e2e: E2e;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
let browser: Browser;
let base: string;
const visited = new Set<string>();

beforeAll(async () => {
  smtp = await startSmtpListener();
  e2e = await startE2e({ mailer: smtpMailer(smtp.url, "Cairn <no-reply@cairn.test>") });
  ({ browser, base } = e2e);
});
afterAll(async () => {
  await e2e?.close();
  await smtp.close();
});

/** Every page the journey lands on gets one axe check. */
async function checked(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  const path = new URL(page.url()).pathname;
  if (!visited.has(path)) {
    visited.add(path);
    await expectNoSeriousA11yViolations(page);
  }
}

const mailLink = async (to: string, path: string) => {
  const mail = await eventually(async () => smtp.received.find((m) => m.to.includes(to)));
  const body = mail.raw.replace(/=\r?\n/g, "");
  const match = new RegExp(`${base.replace(/[.:/]/g, "\\$&")}(${path}[A-Za-z0-9_-]+)`).exec(body);
  if (!match?.[1]) throw new Error(`no ${path} link in the mail to ${to}`);
  return match[1];
};

describe("foundation journey in Chromium", () => {
  it("signs up, creates an organization, invites a colleague who accepts by mail", async () => {
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(`${base}/`);
    await checked(owner);
    await owner.getByRole("link", { name: "Create an account" }).first().click();
    await checked(owner);
    await owner.getByLabel("Your name").fill("Olivia Owens");
    await owner.getByLabel("Email address").fill("olivia@northfield.test");
    await owner.getByLabel("Password").fill("a strong password");
    await owner.getByRole("button", { name: "Create account" }).click();
    await owner.waitForURL(`${base}/orgs`);
    await expect.poll(() => owner.getByRole("status").textContent()).toContain("Welcome to Cairn");
    await checked(owner);

    await owner.getByRole("link", { name: "Create an organization" }).click();
    await checked(owner);
    await owner.getByLabel("Name", { exact: true }).fill("Northfield University");
    await owner.getByLabel("Web address").fill("northfield");
    await owner.getByLabel("Country code").fill("NL");
    await owner.getByRole("button", { name: "Create organization" }).click();
    await owner.waitForURL(`${base}/orgs/northfield`);
    await expect
      .poll(() => owner.getByRole("heading", { level: 1 }).textContent())
      .toBe("Northfield University");
    await checked(owner);

    await owner.getByRole("link", { name: "Members" }).click();
    await checked(owner);
    await owner.getByLabel("Email address").fill("ivan@northfield.test");
    await owner.getByLabel("Role", { exact: true }).selectOption("issuer");
    await owner.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => owner.getByRole("status").textContent())
      .toContain("Invitation sent to ivan@northfield.test");

    const invitation = await mailLink("ivan@northfield.test", "/invitations/");
    const colleague = await (await browser.newContext()).newPage();
    await colleague.goto(`${base}${invitation}`);
    await checked(colleague);
    await expect
      .poll(() => colleague.getByRole("heading", { level: 1 }).textContent())
      .toBe("Join Northfield University");
    await colleague.getByRole("link", { name: "Create an account to accept" }).click();
    await expect.poll(() => colleague.getByLabel("Email address").inputValue()).toBe("ivan@northfield.test");
    await colleague.getByLabel("Your name").fill("Ivan Isaksen");
    await colleague.getByLabel("Password").fill("another strong one");
    await colleague.getByRole("button", { name: "Create account" }).click();
    await colleague.waitForURL(`${base}${invitation}`);
    await colleague.getByRole("button", { name: "Accept and join Northfield University" }).click();
    await colleague.waitForURL(`${base}/orgs/northfield`);
    await expect
      .poll(() => colleague.getByRole("status").textContent())
      .toContain("Welcome to Northfield University");

    await owner.reload();
    await owner.getByRole("cell", { name: "ivan@northfield.test" }).waitFor({ state: "visible" });
    await expect.poll(() => owner.getByLabel("Role of Ivan Isaksen").inputValue()).toBe("issuer");
  });

  it("shows the owner's settings, API keys, account, sign-in, reset, docs and admin outbox pages accessibly", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/signin`);
    await checked(page);
    await page.getByLabel("Email address").fill("olivia@northfield.test");
    await page.getByLabel("Password").fill("a strong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/orgs`);
    for (const path of [
      "/orgs/northfield/settings",
      "/orgs/northfield/api-keys",
      "/account",
      "/docs",
      "/admin/outbox",
      "/password/forgot",
    ]) {
      await page.goto(`${base}${path}`);
      await checked(page);
    }
    await page.goto(`${base}/orgs/northfield/api-keys`);
    await page.getByLabel("Name", { exact: true }).fill("Learning platform");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect.poll(() => page.getByLabel("API key").inputValue()).toMatch(/^cairn_/);
    await checked(page);
    await page.goto(`${base}/admin/outbox`);
    await page
      .getByRole("heading", { name: /invited you to join Northfield University/ })
      .waitFor({ state: "visible" });
    await page.goto(`${base}/orgs/northfield/settings`);
    await page.getByLabel("Name", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Enter the organization's name.");
    await checked(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/orgs/northfield/members`);
    const width = await page.evaluate<number>("document.documentElement.scrollWidth");
    expect(width).toBeLessThanOrEqual(400);
  });

  it("works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/signup`);
    await page.getByLabel("Your name").fill("No Script");
    await page.getByLabel("Email address").fill("noscript@example.org");
    await page.getByLabel("Password").fill("works without js");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${base}/orgs`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your organizations");
  });
});
