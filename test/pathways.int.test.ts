import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
const definition = (name: string, ects: string) => ({
  name,
  description: `${name}, assessed in practice.`,
  criteria: "Pass a supervised practical.",
  learningOutcomes: "Do the work safely",
  workloadHours: "30",
  ects,
  eqfLevel: "4",
  assessmentType: "practical",
  participationForm: "onsite",
  qualityAssurance: "Two certified assessors.",
});

async function organization(name: string) {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `pathway-owner-${n}@example.org` });
  const slug = `pathway-org-${n}`;
  await owner.submit("/orgs", { name, slug });
  const define = async (title: string, ects = "2", publish = true) => {
    const id =
      (await owner.submit(`/orgs/${slug}/achievements`, definition(title, ects))).headers
        .get("location")
        ?.split("/")
        .at(-1) ?? "";
    if (publish) await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    return id;
  };
  const award = async (id: string, recipient: string) => {
    const response = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      nonce: `${id}-${recipient}`,
      recipient,
      notify: "yes",
    });
    expect(response.status).toBe(303);
    return response.headers.get("location")?.split("/").at(-1) ?? "";
  };
  return { owner, slug, define, award };
}

const progressOf = async (client: BrowserClient | undefined, id: string) =>
  (await (client ? client.get(`/pathways/${id}`) : ctx.app.request(`/pathways/${id}`))).text();

describe("pathways that stack micro-credentials across organizations", () => {
  it("defines a pathway over its own and another organization's micro-credentials and shows a learner's progress", async () => {
    const harbour = await organization("Harbour Institute");
    const coast = await organization("Coastal Academy");
    const mooring = await harbour.define("Safe Mooring");
    const rigging = await harbour.define("Rigging Basics");
    const radio = await coast.define("Marine Radio", "3");
    const draft = await coast.define("Unpublished Draft", "1", false);
    const certificate = await harbour.define("Harbour Operations Certificate", "6");
    const url = (id: string) => `${ctx.publicUrl}/achievements/${id}`;
    const path = `/orgs/${harbour.slug}/achievements/${certificate}/pathway`;
    expect((await harbour.owner.get(path)).status).toBe(200);

    const form = {
      rootRule: "all",
      g0Label: "Core",
      g0Rule: "all",
      g0c0Achievement: url(mooring),
      g0c1Achievement: url(rigging),
      g1Label: "Elective",
      g1Rule: "some",
      g1Min: "1",
      g1c0Other: url(radio),
      g1c0Credits: "3",
      g1c1Other: "https://other.example/achievements/radar",
      g1c1Issuer: "did:web:other.example",
      g1c1Label: "Radar Plotting (Other Example College)",
      order0Before: "g1c1",
      order0After: "g1c2",
      policy: "flag",
    };
    const bad = await harbour.owner.submit(path, { ...form, g1c0Other: url(draft) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("no published micro-credential");
    const saved = await harbour.owner.submit(path, form);
    expect(saved.status, await saved.clone().text()).toBe(303);
    const [row] = (
      await ctx.database.executeSql("SELECT pathway FROM pathways WHERE achievement_id = $1", [certificate])
    ).rows;
    const stored = JSON.stringify(row?.pathway);
    expect(stored).toContain(`"issuer":"did:web:localhost%3A3000:orgs:${coast.slug}"`);
    expect(stored).toContain('"label":"Safe Mooring"');

    const signedOut = await progressOf(undefined, certificate);
    expect(signedOut).toContain("Harbour Operations Certificate");
    expect(signedOut).toContain('<svg class="pathway-map"');
    expect(signedOut).toContain("to see your progress");

    const address = `pathway-learner-${counter}@learner.test`;
    const learner = await signedUp(ctx.app, { email: address, name: "Pat Pathway" });
    await harbour.award(mooring, address);
    await learner.submit(linkIn((await mailTo(ctx, address, /Safe Mooring/)).text, "/claim/"), {});
    let page = await progressOf(learner, certificate);
    expect(page).toContain("1 held, 2 to go.");
    expect(page).toContain(`<a href="${url(rigging)}">Rigging Basics</a>`);

    const riggingAward = await harbour.award(rigging, address);
    await coast.award(radio, address);
    page = await progressOf(learner, certificate);
    expect(page).toContain("Complete: you hold everything this pathway asks for.");
    expect(page).toContain("7 credits so far.");

    await harbour.owner.submit(`/orgs/${harbour.slug}/awards/${riggingAward}/status`, {
      action: "revoke",
      reason: "Error",
    });
    expect(await progressOf(learner, certificate)).toContain("2 held, 1 to go.");
  });

  it("refuses a pathway from someone outside the organization and answers 404 for one that does not exist", async () => {
    const harbour = await organization("Quay School");
    const id = await harbour.define("Quay Basics");
    const outsider = await signedUp(ctx.app, { email: `pathway-outsider-${counter}@example.org` });
    expect((await outsider.get(`/orgs/${harbour.slug}/achievements/${id}/pathway`)).status).toBe(404);
    expect((await ctx.app.request(`/pathways/${id}`)).status).toBe(404);
  });
});
