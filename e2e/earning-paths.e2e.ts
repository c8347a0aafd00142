import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, signInAs } from "../test/browser.ts";
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

describe("learning paths in Chromium", () => {
  it("an issuer builds a two-module course, a learner enrols, reads a module, completes it and sees progress", async () => {
    const owner = await signedUp(ctx.app, { email: "registrar@tide.test", password: "registrar password" });
    await owner.submit("/orgs", { name: "Tide School", slug: "tide" });
    const created = await owner.submit("/orgs/tide/achievements", {
      name: "Reading Tides",
      description: "Reading tide tables, learned online.",
      criteria: "Complete the course.",
      learningOutcomes: "Read a tide table",
      workloadHours: "6",
      ects: "1",
      eqfLevel: "3",
      assessmentType: "practical",
      participationForm: "online",
      qualityAssurance: "Reviewed by two instructors.",
    });
    const id = created.headers.get("location")?.split("/").at(-1) ?? "";
    await owner.submit(`/orgs/tide/achievements/${id}/publish`, {});

    // The registrar builds the course in the browser.
    const issuer = await (await browser.newContext()).newPage();
    await signInAs(issuer, base, "registrar@tide.test", "registrar password");
    await issuer.goto(`${base}/orgs/tide/achievements/${id}`);
    await issuer.getByRole("link", { name: "Course: modules, assessments and enrolment" }).click();
    await issuer.waitForURL(`${base}/orgs/tide/achievements/${id}/course`);
    await expectNoSeriousA11yViolations(issuer);
    for (const [title, body] of [
      ["High and low water", "# Why tides happen\n\nThe **moon** pulls the sea.\n\n- springs\n- neaps"],
      ["Tide tables", "Read the `HW` column.\n\n```\nHW 06:12 4.8m\n```"],
    ] as const) {
      await issuer.getByLabel("Title", { exact: true }).fill(title);
      await issuer.getByLabel("Content").fill(body);
      await issuer.getByRole("button", { name: "Add the module" }).click();
      await expect.poll(() => issuer.getByText(`The module “${title}” is added.`).count()).toBe(1);
    }
    expect(await issuer.locator("ol.course-modules > li").count()).toBe(2);
    await issuer.getByRole("link", { name: "Tide tables" }).click();
    await expect.poll(() => issuer.getByRole("heading", { name: "Module 2: Tide tables" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(issuer);

    // A learner finds the micro-credential, enrols and studies.
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(`${base}/signup`);
    await learner.getByLabel("Your name").fill("Rae Reader");
    await learner.getByLabel("Email address").fill("rae@learner.test");
    await learner.getByLabel("Password").fill("reader password 1");
    await learner.getByRole("button", { name: "Create account" }).click();
    await learner.waitForURL((url) => !url.pathname.startsWith("/signup"));
    await learner.goto(`${base}/achievements/${id}`);
    await learner.getByRole("button", { name: "Enrol" }).click();
    await learner.waitForURL(`${base}/learn/${id}`);
    await expect.poll(() => learner.getByText("You are enrolled.").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);

    await learner.getByRole("link", { name: "High and low water" }).click();
    await expect.poll(() => learner.getByRole("heading", { name: "Why tides happen" }).count()).toBe(1);
    expect(await learner.locator(".module-body strong").textContent()).toBe("moon");
    await expectNoSeriousA11yViolations(learner);
    await learner.getByRole("button", { name: "Mark this module complete" }).click();
    await expect.poll(() => learner.getByText("“High and low water” is complete.").count()).toBe(1);
    await learner.getByRole("link", { name: "Next module: Tide tables" }).click();
    await expect.poll(() => learner.locator("pre").count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);

    await learner.getByRole("link", { name: "Learning" }).click();
    await learner.waitForURL(`${base}/learn`);
    await expect.poll(() => learner.getByText("50% done").count()).toBe(1);
    expect(await learner.getByRole("link", { name: "Continue learning Reading Tides" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(learner);

    // The registrar sees the learner on the enrolments page.
    await issuer.goto(`${base}/orgs/tide/achievements/${id}/course/enrolments`);
    await expect.poll(() => issuer.getByRole("cell", { name: "Rae Reader" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(issuer);
  });
});
