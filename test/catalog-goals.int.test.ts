import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
const now = new Date("2026-05-04T10:00:00Z");
/** Each publication happens a minute after the one before, so "newest" breaks ties in a known order. */
let minutes = 0;
const clock = () => new Date(now.getTime() + minutes * 60_000);
const idFrom = (response: Response) => response.headers.get("location")?.split("/").at(-1) ?? "";

const definition = (name: string, skills: string[]) => ({
  name,
  description: `${name}: a short course.`,
  criteria: "Pass the final assessment.",
  learningOutcomes: `Apply ${name.toLowerCase()} at work`,
  workloadHours: "20",
  assessmentType: "project",
  participationForm: "online",
  qualityAssurance: "Reviewed by the academic board.",
  ...Object.fromEntries(
    skills.flatMap((s, i) => [
      [`skill${i}Name`, s],
      [`skill${i}Url`, `https://skills.example/${encodeURIComponent(s)}`],
    ]),
  ),
});

const ids: Record<string, string> = {};
let owner: BrowserClient;
let lea: BrowserClient;
let max: BrowserClient;
const LEA = "lea@goals.test";

async function define(name: string, skills: string[], publish = true) {
  const id = idFrom(await owner.submit("/orgs/northwind/achievements", definition(name, skills)));
  minutes += 1;
  if (publish)
    expect((await owner.submit(`/orgs/northwind/achievements/${id}/publish`, {})).status).toBe(303);
  return id;
}

beforeAll(async () => {
  ctx = await startTestContext({ clock });
  owner = await signedUp(ctx.app, { email: "owner@northwind.test" });
  await owner.submit("/orgs", { name: "Northwind Academy", slug: "northwind" });
  ids.kube = await define("Kubernetes Operations", ["Kubernetes"]);
  ids.threat = await define("Threat Modelling", ["Threat modelling"]);
  ids.platform = await define("Platform Engineering", ["Kubernetes", "Threat modelling", "Terraform"]);
  ids.books = await define("Bookkeeping Fundamentals", ["Bookkeeping"]);
  ids.observe = await define("Observability", ["Monitoring"]);
  ids.terraform = await define("Terraform Basics", ["Terraform"]);
  ids.draft = await define("Draft Course", ["Kubernetes"], false);
  // A pathway: Kubernetes Operations and Observability stack toward it.
  ids.pathway = await define("Cloud Native Certificate", []);
  const url = (id: string) => `${ctx.publicUrl}/achievements/${id}`;
  const saved = await owner.submit(`/orgs/northwind/achievements/${ids.pathway}/pathway`, {
    rootRule: "all",
    g0Rule: "all",
    g0c0Achievement: url(ids.kube),
    g0c1Achievement: url(ids.observe),
    policy: "keep",
  });
  expect(saved.status).toBe(303);

  // Lea holds Terraform Basics: awarded to her address, claimed into her wallet.
  const awarded = await owner.submit(`/orgs/northwind/achievements/${ids.terraform}/award`, {
    nonce: "terraform-lea",
    recipient: LEA,
    recipientName: "Lea Learner",
    notify: "yes",
  });
  expect(awarded.status).toBe(303);
  const claim = linkIn((await mailTo(ctx, LEA, /Terraform Basics/)).text, "/claim/");
  lea = await signedUp(ctx.app, { email: LEA, name: "Lea Learner" });
  expect((await lea.submit(claim, {})).status).toBe(303);
  max = await signedUp(ctx.app, { email: "max@goals.test" });
});
afterAll(() => ctx.close());

/** The names of the result cards, in order. */
const names = (html: string) =>
  [...html.matchAll(/<h3><a href="\/achievements\/[0-9a-f-]{36}">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const html = async (client: BrowserClient, path: string) => {
  const response = await client.get(path);
  return { status: response.status, text: await response.text() };
};
const goalsRow = async (email: string) =>
  (
    await ctx.database.executeSql(
      "SELECT g.skills, g.pathway_id FROM learner_goals g JOIN users u ON u.id = g.user_id WHERE u.email = $1",
      [email],
    )
  ).rows[0];
const savedCount = async (email: string) =>
  Number(
    (
      await ctx.database.executeSql(
        "SELECT count(*)::int AS n FROM saved_micro_credentials s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
        [email],
      )
    ).rows[0]?.n,
  );

describe("learning goals", () => {
  it("saves target skills (normalized, once each) and a published pathway", async () => {
    const form = await html(lea, "/account/goals");
    expect(form.status).toBe(200);
    // Suggestions are the catalog's skills.
    expect(form.text).toContain('<option value="threat modelling">');
    expect(form.text).toContain("Cloud Native Certificate");
    const response = await lea.submit("/account/goals", {
      add: " Kubernetes ,  threat   Modelling, terraform, kubernetes",
      pathwayId: "",
    });
    expect(response.status).toBe(303);
    expect(await goalsRow(LEA)).toEqual({
      skills: ["kubernetes", "threat modelling", "terraform"],
      pathway_id: null,
    });
  });

  it("refuses an unknown pathway, or one that is not a pathway, with a message and no change", async () => {
    for (const pathwayId of ["0b6f1d7e-3c1a-4f7e-9b1e-2a5c8d9e0f11", ids.kube ?? "", "not-an-id"]) {
      const response = await lea.submit("/account/goals", { skills: ["bookkeeping"], pathwayId });
      expect(response.status).toBe(422);
      expect(await response.text()).toMatch(/Choose (one|a pathway) from the list/);
    }
    const tooMany = Array.from({ length: 21 }, (_, i) => `skill ${i}`).join(",");
    const response = await lea.submit("/account/goals", { add: tooMany });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Choose at most 20 target skills.");
    expect((await goalsRow(LEA))?.skills).toEqual(["kubernetes", "threat modelling", "terraform"]);
  });

  it("counts missing skills without those of credentials held, and ranks by how many an entry covers", async () => {
    const page = await html(lea, "/catalog?sort=fit");
    expect(page.status).toBe(200);
    // Terraform is held (Terraform Basics in the wallet), so only two skills are missing.
    expect(page.text).toContain("Missing skills: kubernetes, threat modelling");
    // Only what closes a gap, most covered first, then the newest.
    expect(names(page.text)).toEqual(["Platform Engineering", "Threat Modelling", "Kubernetes Operations"]);
    expect(page.text).toContain("Covers 2 of your missing skills: kubernetes, threat modelling");
    expect(page.text).toContain("Covers 1 of your missing skills: kubernetes");
    expect(page.text).toContain("3 micro-credentials fit your goals");
    // Other sorts still list everything, with the coverage shown.
    const newest = await html(lea, "/catalog");
    expect(names(newest.text)).toHaveLength(7);
    expect(newest.text).toContain("Covers 2 of your missing skills");
    expect(newest.text).toContain('<option value="fit"');
  });

  it("counts a held credential's skills only while it is shown in the wallet", async () => {
    const wallet = await (await lea.get("/wallet")).text();
    const item = /href="\/wallet\/([0-9a-f-]{36})"/.exec(wallet)?.[1] ?? "";
    expect((await lea.submit(`/wallet/${item}/organize`, { hidden: "yes" })).status).toBe(303);
    expect((await html(lea, "/catalog")).text).toContain(
      "Missing skills: kubernetes, threat modelling, terraform",
    );
    expect((await lea.submit(`/wallet/${item}/organize`, { hidden: "no" })).status).toBe(303);
    expect((await html(lea, "/catalog")).text).toContain("Missing skills: kubernetes, threat modelling<");
  });

  it("adds a target pathway's components not yet held, and ranks them first among equal coverage", async () => {
    expect(
      (await lea.submit("/account/goals", { skills: ["terraform"], pathwayId: ids.pathway ?? "" })).status,
    ).toBe(303);
    const page = await html(lea, "/catalog?sort=fit");
    expect(page.text).toContain("Missing skills: kubernetes, monitoring");
    expect(page.text).toContain("0 of 2 components held");
    expect(names(page.text)).toEqual(["Observability", "Kubernetes Operations", "Platform Engineering"]);
    expect(page.text).toContain("Counts toward Cloud Native Certificate");
    const goals = await html(lea, "/account/goals");
    expect(goals.text).toContain("Missing skills: kubernetes, monitoring.");
  });

  it("offers no 'fits my goals' without goals: a visitor or a learner without goals gets a link and the usual order", async () => {
    const visitor = await html(browserClient(ctx.app), "/catalog?sort=fit");
    expect(visitor.status).toBe(200);
    expect(visitor.text).toContain("Sign in to set your learning goals");
    expect(visitor.text).not.toContain('<option value="fit"');
    expect(names(visitor.text)).toHaveLength(7);
    const learner = await html(max, "/catalog?sort=fit");
    expect(learner.status).toBe(200);
    expect(learner.text).toContain('<a href="/account/goals">Set your learning goals</a>');
    expect(learner.text).toContain("Set learning goals");
    expect(names(learner.text)[0]).toBe("Cloud Native Certificate");
  });
});

describe("the saved list", () => {
  it("saves once however often asked, lists it, and removes it harmlessly twice", async () => {
    const save = () => lea.submit("/account/saved", { achievementId: ids.kube ?? "", next: "/catalog" });
    const first = await save();
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/catalog");
    expect((await save()).status).toBe(303);
    expect(await savedCount(LEA)).toBe(1);
    minutes += 1;
    expect((await lea.submit("/account/saved", { achievementId: ids.threat ?? "" })).status).toBe(303);
    const list = await html(lea, "/account/saved");
    expect(list.text).toContain("Kubernetes Operations");
    expect(list.text).toContain("Threat Modelling");
    expect(list.text).toContain("Northwind Academy");
    expect(list.text).toContain(`/catalog/compare?ids=${ids.threat},${ids.kube}`);
    // The catalog shows what is saved.
    expect((await html(lea, "/catalog")).text).toContain(
      'Remove <span class="visually-hidden">Kubernetes Operations</span> from saved',
    );
    expect((await html(lea, `/achievements/${ids.kube}`)).text).toContain("Remove from saved");

    const remove = () => lea.submit("/account/saved/remove", { achievementId: ids.threat ?? "" });
    expect((await remove()).status).toBe(303);
    expect((await remove()).status).toBe(303);
    expect(await savedCount(LEA)).toBe(1);
  });

  it("refuses an unknown or unpublished micro-credential with a message, saving nothing", async () => {
    for (const achievementId of [ids.draft ?? "", "0b6f1d7e-3c1a-4f7e-9b1e-2a5c8d9e0f11", "nonsense"]) {
      const response = await lea.submit("/account/saved", { achievementId });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("not (or no longer) in the catalog, so it cannot be saved");
    }
    expect(await savedCount(LEA)).toBe(1);
  });

  it("is private: another learner neither sees nor changes it", async () => {
    const theirs = await html(max, "/account/saved");
    expect(theirs.text).toContain("Nothing saved yet");
    expect(theirs.text).not.toContain("Kubernetes Operations");
    expect((await max.submit("/account/saved/remove", { achievementId: ids.kube ?? "" })).status).toBe(303);
    expect(await savedCount(LEA)).toBe(1);
    expect((await html(max, "/catalog")).text).not.toContain("from saved");
    // Signed out, the pages send you to sign in and the catalog shows no Save button.
    const visitor = browserClient(ctx.app);
    expect((await visitor.get("/account/saved")).status).toBe(303);
    expect((await html(visitor, "/catalog")).text).not.toContain('form="save-');
  });

  it("needs the form's CSRF token", async () => {
    const response = await lea.submit(
      "/account/saved",
      { achievementId: ids.books ?? "" },
      { csrf: "forged" },
    );
    expect(response.status).toBe(403);
    expect(await savedCount(LEA)).toBe(1);
  });
});
