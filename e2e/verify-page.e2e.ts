import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { readInteropText } from "../test/interop.ts";

let e2e: E2e;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ browser, base } = e2e);
});
afterAll(() => e2e?.close());

describe("the verification page on a phone", () => {
  it("checks a pasted credential and shows every check, fitting a phone screen, accessibly", async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await page.goto(`${base}/verify`);
    await expectNoSeriousA11yViolations(page);
    await page
      .getByLabel("Paste the credential (JSON or a JWT)")
      .fill(readInteropText("1edtech-ob3", "simple.json"));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Every check, in order" }).count()).toBe(1);
    expect(await page.getByRole("rowheader", { name: "Signature" }).count()).toBe(1);
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
  });
});
