import type { Browser } from "playwright-core";
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

/** An issuer awards a micro-credential aligned to a coded skill to `recipient`, with a claim mail. */
async function awardTo(recipient: string) {
  const owner = await signedUp(ctx.app, { email: "registrar@harbour.test" });
  await owner.submit("/orgs", { name: "Harbour Institute", slug: "harbour" });
  const created = await owner.submit("/orgs/harbour/achievements", {
    name: "Hydrographic Survey",
    description: "Plans and runs a hydrographic survey of a harbour basin.",
    criteria: "Run a supervised survey and present the chart.",
    learningOutcomes: "Plan a survey\nProcess soundings",
    workloadHours: "40",
    ects: "1.5",
    eqfLevel: "5",
    assessmentType: "practical",
    participationForm: "blended",
    qualityAssurance: "Moderated by the national hydrographic office.",
    skill0Name: "Hydrographic surveying",
    skill0Code: "esco:hydro-1",
    skill0Framework: "ESCO",
    skill0Url: "https://skills.example.org/hydrographic-surveying",
  });
  const id = created.headers.get("location")?.split("/").at(-1) ?? "";
  await owner.submit(`/orgs/harbour/achievements/${id}/publish`, {});
  await owner.submit(`/orgs/harbour/achievements/${id}/award`, {
    nonce: "e2e-talent",
    recipient,
    recipientName: "Noor Navigator",
    narrative: "Charted the inner basin to IHO order 1a.",
    notify: "yes",
  });
  const mail = await mailTo(ctx, recipient, /Hydrographic Survey/);
  return /\/claim\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? "";
}

describe("talent search in Chromium", () => {
  it("a learner opts in, an employer finds them by skill and writes, the learner accepts and the employer sees the address", async () => {
    const claim = await awardTo("noor@sea.test");
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(`${base}${claim}`);
    await learner.getByRole("link", { name: "Create an account" }).click();
    await learner.getByLabel("Your name").fill("Noor Navigator");
    await learner.getByLabel("Password").fill("navigator password");
    await learner.getByRole("button", { name: "Create account" }).click();
    await learner.getByRole("button", { name: "Keep it in my Cairn account" }).click();

    await learner.getByRole("link", { name: "Account" }).click();
    await learner.getByRole("link", { name: "Talent search" }).click();
    await expect.poll(() => learner.getByText("You cannot be found").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);
    await learner.getByLabel("Headline").fill("Hydrographic surveyor");
    await learner.getByLabel("Location").fill("Rotterdam");
    await learner.getByRole("button", { name: "Let employers find me" }).click();
    await expect.poll(() => learner.getByText("You can be found").count()).toBe(1);
    expect(await learner.getByText("Charted the inner basin to IHO order 1a.").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);

    const employer = await (await browser.newContext()).newPage();
    await signUpWithOrganization(
      employer,
      base,
      { name: "Emma Engel", email: "emma@dredging.test", password: "employer password" },
      { name: "Delta Dredging", slug: "delta-dredging" },
    );
    await employer.getByRole("link", { name: "Talent search" }).click();
    await expectNoSeriousA11yViolations(employer);
    await employer.getByLabel("Skill (name or framework code)").fill("hydrographic surveying");
    await employer.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => employer.getByText("Showing 1–1 of 1 person.").count()).toBe(1);
    expect(employer.url()).toContain("skill=hydrographic+surveying");
    expect(await employer.getByText("noor@sea.test").count()).toBe(0);
    await expectNoSeriousA11yViolations(employer);
    await employer.getByRole("link", { name: "Noor Navigator" }).click();
    await expect.poll(() => employer.getByText("Hydrographic surveyor").count()).toBe(1);
    await expectNoSeriousA11yViolations(employer);
    await employer.getByLabel("Subject").fill("Survey role in the port");
    await employer
      .getByLabel("Message")
      .fill("We are looking for a hydrographic surveyor for our dredging fleet. Can we talk?");
    await employer.getByRole("button", { name: "Send the message" }).click();
    await expect.poll(() => employer.getByText("Waiting for an answer").count()).toBe(1);
    expect(await employer.getByText("noor@sea.test").count()).toBe(0);
    await expectNoSeriousA11yViolations(employer);

    const notice = await mailTo(ctx, "noor@sea.test", /Delta Dredging would like to contact you/);
    expect(notice.text).toContain("/account/talent");
    await learner.reload();
    await expect.poll(() => learner.getByText("Survey role in the port").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);
    await learner.getByLabel(/Your reply/).fill("Happy to talk: call me next week.");
    await learner.getByRole("button", { name: /Accept and reply/ }).click();
    await expect.poll(() => learner.getByText("You accepted").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);

    await employer.reload();
    await expect.poll(() => employer.getByRole("link", { name: "noor@sea.test" }).count()).toBe(1);
    expect(await employer.getByText("Happy to talk: call me next week.").count()).toBe(1);
    await expectNoSeriousA11yViolations(employer);
  });
});
