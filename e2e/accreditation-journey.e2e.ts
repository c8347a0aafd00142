import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/browser.ts";
import { type E2e, startE2e } from "../test/e2e-server.ts";
import type { TestContext } from "../test/harness.ts";
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

type Json = Record<string, unknown>;
const PASSWORD = "journey password 1";

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/** An issuer with a published micro-credential and one awarded credential; returns that credential's JSON. */
async function issuerWithCredential() {
  const owner = await signedUp(ctx.app, { email: "owner@harbour.test", password: PASSWORD });
  await owner.submit("/orgs", { name: "Harbour Maritime College", slug: "harbour" });
  const id =
    (
      await owner.submit("/orgs/harbour/achievements", {
        name: "Knots and Lines",
        description: "Ties and inspects the knots used at sea.",
        criteria: "Tie eight knots under observation.",
        learningOutcomes: "Tie a bowline",
        workloadHours: "12",
        assessmentType: "practical",
        participationForm: "onsite",
        qualityAssurance: "Observed by two licensed instructors; external examiner each year.",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  await owner.submit(`/orgs/harbour/achievements/${id}/publish`, {});
  return owner;
}

describe("an accreditor's journey", () => {
  it("is granted the role, reviews an issuer, signs the endorsement; verifiers then see an accredited issuer and flag an impostor", async () => {
    // The first account is the platform admin.
    await signedUp(ctx.app, { email: "admin@platform.test", password: PASSWORD });
    const owner = await issuerWithCredential();
    const reviewer = await signedUp(ctx.app, { email: "reviewer@qa.test", password: PASSWORD });
    await reviewer.submit("/orgs", { name: "Maritime Quality Agency", slug: "mqa" });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, "admin@platform.test");
    await page.goto(`${base}/admin/organizations`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Make accreditor for Maritime Quality Agency" }).click();
    await expect
      .poll(() => page.getByText("Maritime Quality Agency is now an accreditation body.").count())
      .toBe(1);

    const desk = await (await browser.newContext()).newPage();
    await signIn(desk, "reviewer@qa.test");
    await desk.goto(`${base}/orgs/mqa`);
    await desk.getByRole("link", { name: "Accreditation" }).click();
    await desk.getByLabel("Issuer").selectOption("harbour");
    await desk.getByRole("button", { name: "Open the review" }).click();
    await expect.poll(() => desk.getByText("external examiner each year").count()).toBe(1);
    await expectNoSeriousA11yViolations(desk);
    // One criterion left unticked: the accreditation is refused with the reason.
    for (const i of [0, 1, 2, 3]) await desk.getByLabel(`Criterion ${i + 1} is met`).check();
    await desk
      .getByLabel("Finding")
      .fill("Observed two practical assessments and read the examiner's reports.");
    await desk.getByRole("button", { name: "Sign the accreditation" }).click();
    await expect.poll(() => desk.getByText("An accreditation needs every criterion met").count()).toBe(1);
    await expectNoSeriousA11yViolations(desk);
    await desk.getByLabel("Criterion 5 is met").check();
    await desk.getByRole("button", { name: "Sign the accreditation" }).click();
    await expect.poll(() => desk.getByText(/Accreditation signed/).count()).toBe(1);
    expect(await desk.getByRole("cell", { name: "Active" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(desk);

    // The registry lists the issuer as accredited; its signed endorsement is public.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}/issuers`);
    await visitor.getByLabel("Accredited only").check();
    await visitor.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => visitor.getByRole("link", { name: "Harbour Maritime College" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(visitor);
    await visitor.getByRole("link", { name: "Harbour Maritime College" }).click();
    await expect.poll(() => visitor.getByRole("cell", { name: "Active" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(visitor);

    // A credential awarded now carries the endorsement, and the verification page marks its issuer accredited.
    const award =
      (
        await owner.submit(`/orgs/harbour/achievements/${await achievementId()}/award`, {
          nonce: "journey-1",
          recipient: "sailor@learner.test",
          recipientName: "Sam Sailor",
          notify: "no",
        })
      ).headers
        .get("location")
        ?.split("/")
        .at(-1) ?? "";
    const credential = await storedCredential(award);
    expect(((credential.issuer as Json).endorsement as Json[])[0]?.type).toContain("EndorsementCredential");
    await visitor.goto(`${base}/verify`);
    await visitor.getByLabel("Paste the credential (JSON or a JWT)").fill(JSON.stringify(credential));
    await visitor.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => visitor.getByText("Accredited issuer:").count()).toBe(1);
    expect(await visitor.getByText(/accredited by Maritime Quality Agency until/).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(visitor);

    // An impostor signs with its own key under the same name: flagged.
    const pair = await ctx.deps.credentials.newKeyPair();
    const did = ctx.deps.credentials.didKey(pair.publicKeyMultibase);
    const { proof: _, credentialStatus: __, ...unsigned } = credential;
    const fake = await ctx.deps.credentials.sign(
      {
        ...unsigned,
        id: `urn:uuid:${ctx.deps.newId()}`,
        issuer: { id: did, type: ["Profile"], name: "Harbour Maritime Co11ege" },
      },
      { ...pair, id: `${did}#${pair.publicKeyMultibase}`, controller: did },
      "ldp",
      new Date(),
    );
    await visitor.getByLabel("Paste the credential (JSON or a JWT)").fill(JSON.stringify(fake));
    await visitor.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => visitor.getByText("Possible impostor:").count()).toBe(1);
    expect(await visitor.getByRole("heading", { name: "Not verified" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(visitor);
  });
});

async function achievementId(): Promise<string> {
  const organization = await ctx.deps.uow((r) => r.organizations.findBySlug("harbour"));
  const list = await ctx.deps.uow((r) => r.achievements.list(organization?.id ?? ""));
  return list.find((a) => a.status === "published")?.id ?? "";
}

async function storedCredential(awardId: string): Promise<Json> {
  return ctx.deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug("harbour");
    const award = await r.awards.find(organization?.id ?? "", awardId);
    const stored = award && (await r.issuedCredentials.find(award.organizationId, award.credentialId));
    return (stored?.document ?? {}) as Json;
  });
}
