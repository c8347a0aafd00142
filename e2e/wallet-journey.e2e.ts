import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { mailTo, type TestContext } from "../test/harness.ts";
import { signedUp } from "../test/http-client.ts";
import { readInteropBytes } from "../test/interop.ts";

let e2e: E2e;
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ ctx, browser, base } = e2e);
});
afterAll(() => e2e?.close());

/** An issuer awards a published micro-credential to `recipient`, with a claim mail. */
async function awardTo(recipient: string) {
  const owner = await signedUp(ctx.app, { email: "registrar@lighthouse.test" });
  await owner.submit("/orgs", { name: "Lighthouse College", slug: "lighthouse" });
  const id =
    (
      await owner.submit("/orgs/lighthouse/achievements", {
        name: "Coastal Navigation",
        description: "Plans and follows a safe coastal passage.",
        criteria: "Plan and lead a passage under assessment.",
        learningOutcomes: "Plan a coastal passage\nFix a position by bearings",
        workloadHours: "40",
        ects: "1.5",
        eqfLevel: "5",
        assessmentType: "practical",
        participationForm: "blended",
        qualityAssurance: "Moderated by the national sailing body.",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  await owner.submit(`/orgs/lighthouse/achievements/${id}/publish`, {});
  await owner.submit(`/orgs/lighthouse/achievements/${id}/award`, {
    nonce: "e2e-wallet",
    recipient,
    recipientName: "Noor Navigator",
    notify: "yes",
  });
  const mail = await mailTo(ctx, recipient, /Coastal Navigation/);
  return /\/claim\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? "";
}

describe("the learner's wallet in Chromium", () => {
  it("claims from the award mail, shares publicly, and a signed-out visitor sees it verified", async () => {
    const claim = await awardTo("noor@sea.test");
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}${claim}`);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Noor Navigator");
    await expect.poll(() => page.getByLabel("Email address").inputValue()).toBe("noor@sea.test");
    await page.getByLabel("Password").fill("navigator password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Keep it in my Cairn account" }).click();
    await page.getByRole("link", { name: "Wallet" }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Coastal Navigation" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Verified" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Make public" }).click();
    const shareUrl = (await page.locator('a[href^="/c/"]').first().getAttribute("href")) ?? "";
    expect(shareUrl).toMatch(/^\/c\//);
    const linkedIn = await page.getByRole("link", { name: "Add to LinkedIn profile" }).getAttribute("href");
    expect(linkedIn).toContain("organizationName=Lighthouse+College");

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}${shareUrl}`);
    await expect.poll(() => visitor.getByText("Noor Navigator").count()).toBeGreaterThan(0);
    expect(await visitor.getByRole("heading", { level: 2, name: "Verified" }).count()).toBe(1);
    expect(await visitor.locator('meta[property="og:image"]').getAttribute("content")).toContain(
      `${shareUrl}/badge.png`,
    );
    const badge = visitor.getByRole("img", { name: "Badge: Coastal Navigation" });
    expect(await badge.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(visitor);

    // The learner imports a credential from elsewhere (a 1EdTech baked PNG) and sees its checks.
    await page.goto(`${base}/wallet/import`);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("File (JSON, JWT, PNG or SVG, up to 1 MiB)").setInputFiles({
      name: "simple-json.png",
      mimeType: "image/png",
      buffer: Buffer.from(readInteropBytes("1edtech-ob3", "simple-json.png")),
    });
    await page.getByRole("button", { name: "Import and verify" }).click();
    await expect.poll(() => page.getByText("Verification checks").count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it("publishes a profile, shows the DID, addresses and data pages, each accessible", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email address").fill("noor@sea.test");
    await page.getByLabel("Password").fill("navigator password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    for (const path of ["/account/addresses", "/account/did", "/account/data"]) {
      await page.goto(`${base}${path}`);
      await expectNoSeriousA11yViolations(page);
    }
    expect(await page.goto(`${base}/account/did`).then(() => page.locator("code").textContent())).toMatch(
      /^did:key:z6Mk/,
    );
    await page.goto(`${base}/account/profile`);
    await page.getByLabel("Handle (the address of your profile)").fill("noor");
    await page.getByLabel("Headline").fill("Coastal skipper in training");
    await page.getByLabel("Publish my profile").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expectNoSeriousA11yViolations(page);
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}/p/noor`);
    await expect
      .poll(() => visitor.getByRole("heading", { level: 1, name: "Noor Navigator" }).count())
      .toBe(1);
    expect(await visitor.getByRole("link", { name: "Coastal Navigation" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(visitor);
  });
});
