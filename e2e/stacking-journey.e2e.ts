import * as vc from "@digitalbazaar/vc";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledContexts } from "../src/credentials/contexts.ts";
import { referenceVerifySuite } from "../src/credentials/proofs/data-integrity-reference.ts";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import { eventually, mailTo, type TestContext } from "../test/harness.ts";
import { type BrowserClient, signedUp } from "../test/http-client.ts";

let e2e: E2e;
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  e2e = await startE2e();
  ({ ctx, browser, base } = e2e);
});
afterAll(() => e2e?.close());

type Json = Record<string, unknown>;

async function organization(email: string, name: string, slug: string) {
  const owner = await signedUp(ctx.app, { email, password: "owner password 1" });
  await owner.submit("/orgs", { name, slug });
  const define = async (title: string) => {
    const id =
      (
        await owner.submit(`/orgs/${slug}/achievements`, {
          name: title,
          description: `${title}, assessed in practice.`,
          criteria: "Pass a supervised practical.",
          learningOutcomes: "Do it safely",
          workloadHours: "30",
          ects: "2",
          eqfLevel: "4",
          assessmentType: "practical",
          participationForm: "onsite",
          qualityAssurance: "Two assessors.",
        })
      ).headers
        .get("location")
        ?.split("/")
        .at(-1) ?? "";
    await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    return id;
  };
  return { owner, define };
}

const claimPath = async (to: string, subject: RegExp) =>
  /\/claim\/[A-Za-z0-9_-]+/.exec((await mailTo(ctx, to, subject)).text)?.[0] ?? "";

/** The reference library (@digitalbazaar/vc) checks a credential on its own, resolving did:web through Cairn's pages. */
async function referenceVerifies(credential: Json) {
  const contexts = bundledContexts();
  const documentLoader = async (url: string) => {
    const context = contexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    const did = url.split("#")[0] ?? "";
    const slug = did.split(":").at(-1);
    const document = (await (await ctx.app.request(`/orgs/${slug}/did.json`)).json()) as Json;
    if (!url.includes("#")) return { contextUrl: null, documentUrl: url, document };
    const method = (document.verificationMethod as Json[]).find((m) => m.id === url);
    return {
      contextUrl: null,
      documentUrl: url,
      document: { "@context": "https://w3id.org/security/multikey/v1", ...method },
    };
  };
  // Status is Cairn's own check (its lists are served by Cairn); the reference library checks proof and dates.
  const checkStatus = async () => ({ verified: true });
  const result = await vc.verifyCredential({
    credential,
    suite: referenceVerifySuite(),
    documentLoader,
    checkStatus,
  });
  if (!result.verified) console.error(JSON.stringify(result.error ?? result, null, 1).slice(0, 2000));
  return result.verified;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

describe("stacking across two organizations in Chromium", () => {
  it("a credential from one counts toward the other's pathway, the stacked credential and its CLR verify, a revoked component is flagged", async () => {
    const coast = await organization("owner@coast.test", "Coastal Academy", "coast");
    const harbour = await organization("owner@harbour.test", "Harbour Institute", "harbour");
    const radio = await coast.define("Marine Radio");
    const mooring = await harbour.define("Safe Mooring");
    const certificate = await harbour.define("Harbour Operations Certificate");

    // The harbour's registrar defines the pathway in the browser: its own module and the coast's radio course.
    const registrar = await (await browser.newContext()).newPage();
    await signIn(registrar, "owner@harbour.test", "owner password 1");
    await registrar.goto(`${base}/orgs/harbour/achievements/${certificate}/pathway`);
    await expectNoSeriousA11yViolations(registrar);
    await registrar.getByLabel("Group name").first().fill("Core");
    await registrar.locator("#field-g0c0Achievement").selectOption({ label: "Safe Mooring" });
    await registrar.locator("#field-g0c1Other").fill(`${base}/achievements/${radio}`);
    await registrar.getByLabel("When a component is later revoked or expires").selectOption("flag");
    await registrar.getByRole("button", { name: "Save the pathway" }).click();
    await expect.poll(() => registrar.getByText("The pathway is saved.").count()).toBe(1);

    // The learner claims the coast's credential, then the harbour's, by their mail links.
    const learnerEmail = "noor@sea.test";
    await (coast.owner as BrowserClient).submit(`/orgs/coast/achievements/${radio}/award`, {
      nonce: "radio-noor",
      recipient: learnerEmail,
      notify: "yes",
    });
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(`${base}${await claimPath(learnerEmail, /Marine Radio/)}`);
    await learner.getByRole("link", { name: "Create an account" }).click();
    await learner.getByLabel("Your name").fill("Noor Navigator");
    await learner.getByLabel("Password").fill("navigator password");
    await learner.getByRole("button", { name: "Create account" }).click();
    await learner.getByRole("button", { name: "Keep it in my Cairn account" }).click();
    await learner.goto(`${base}/pathways/${certificate}`);
    await expect
      .poll(() => learner.getByRole("status").filter({ hasText: "1 held, 1 to go." }).count())
      .toBe(1);
    await expectNoSeriousA11yViolations(learner);
    // The pathway counts another issuer's credential: the learner consents by following it.
    await learner.getByRole("button", { name: "Follow this pathway" }).click();
    await expect.poll(() => learner.getByText("You follow this pathway.").count()).toBeGreaterThan(0);

    const mooringAward =
      (
        await harbour.owner.submit(`/orgs/harbour/achievements/${mooring}/award`, {
          nonce: "mooring-noor",
          recipient: learnerEmail,
          notify: "yes",
        })
      ).headers
        .get("location")
        ?.split("/")
        .at(-1) ?? "";
    // The award completes the pathway: the stacked credential is awarded by the workers.
    await eventually(async () => {
      await learner.goto(`${base}/pathways/${certificate}`);
      return (await learner.getByText("Harbour Operations Certificate was awarded to you").count()) > 0
        ? true
        : undefined;
    }, 30_000);
    await learner.goto(`${base}/wallet`);
    expect(await learner.getByRole("link", { name: "Harbour Operations Certificate" }).count()).toBe(1);

    const clr = (await (
      await learner.request.get(`${base}/pathways/${certificate}/clr.json`)
    ).json()) as Json;
    const verified = (await (
      await ctx.app.request("/credentials/verify", {
        method: "POST",
        body: JSON.stringify({ verifiableCredential: clr }),
        headers: { "content-type": "application/json" },
      })
    ).json()) as { verified: boolean; checks: { id: string; message: string }[] };
    expect(verified.verified, JSON.stringify(verified.checks)).toBe(true);
    const nested = (clr.credentialSubject as { verifiableCredential: Json[] }).verifiableCredential;
    expect(nested).toHaveLength(3);
    for (const credential of nested) expect(await referenceVerifies(credential)).toBe(true);
    expect(await referenceVerifies(clr)).toBe(true);

    // The harbour revokes the mooring module; the pathway's policy flags the stacked credential for review.
    await harbour.owner.submit(`/orgs/harbour/awards/${mooringAward}/status`, {
      action: "revoke",
      reason: "Assessment voided",
    });
    const stacked = await eventually(async () => {
      const rows = (
        await ctx.database.executeSql("SELECT award_id FROM pathway_awards WHERE flagged_at IS NOT NULL", [])
      ).rows;
      return rows[0]?.award_id ? String(rows[0].award_id) : undefined;
    });
    await registrar.goto(`${base}/orgs/harbour/awards/${stacked}`);
    expect(await registrar.getByText("Flagged for your review").count()).toBe(1);
    await expectNoSeriousA11yViolations(registrar);
  });
});
