import { type ServerType, serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import type { Mailer } from "../src/app/ports.ts";
import { launchBrowser } from "./browser.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { freePort } from "./postgres-server.ts";

export type E2e = { ctx: TestContext; base: string; browser: Browser; close(): Promise<void> };

/** A real Cairn served on a free loopback port, and headless Chromium to drive it. */
export async function startE2e(options: { mailer?: Mailer } = {}): Promise<E2e> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ctx = await startTestContext({
    publicUrl: base,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  const server: ServerType = serve({ fetch: ctx.app.fetch, port, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const browser = await launchBrowser();
  return {
    ctx,
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await ctx.close();
    },
  };
}

/** Signs up through the form, then creates an organization, as a new issuer would. */
export async function signUpWithOrganization(
  page: Page,
  base: string,
  person: { name: string; email: string; password: string },
  organization: { name: string; slug: string; country?: string },
) {
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${base}/orgs`);
  await page.goto(`${base}/orgs/new`);
  await page.getByLabel("Name", { exact: true }).fill(organization.name);
  await page.getByLabel("Web address").fill(organization.slug);
  if (organization.country) await page.getByLabel("Country code").fill(organization.country);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`${base}/orgs/${organization.slug}`);
}
