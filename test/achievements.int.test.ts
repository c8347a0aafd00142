import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
async function issuer(): Promise<{ owner: BrowserClient; slug: string }> {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `definer-${n}@example.org` });
  const slug = `definer-${n}`;
  await owner.submit("/orgs", { name: `Definer ${n} Institute`, slug, country: "BE" });
  return { owner, slug };
}

const complete = {
  name: "Data Literacy Foundations",
  description: "Reads, questions and presents data responsibly.",
  criteria: "Pass the final assessment with at least 70%.",
  achievementType: "MicroCredential",
  learningOutcomes:
    "Explain a distribution and its uncertainty\nBuild an honest chart from a public data set",
  workloadHours: "50",
  ects: "2",
  eqfLevel: "5",
  assessmentType: "project",
  participationForm: "online",
  qualityAssurance: "Reviewed yearly by the faculty's quality board.",
  supervision: "supervised-online",
  identityVerification: "online",
  tags: "data, statistics",
  skill0Name: "Data literacy",
  skill0Code: "S5.5.1",
  skill0Framework: "ESCO",
  skill0Url: "https://esco.example.org/skill/data-literacy",
};

const idFrom = (location: string | null) => location?.split("/").at(-1) ?? "";

describe("micro-credential definitions", () => {
  it("saves a draft, refuses to publish it until every mandatory EU element is there, then publishes", async () => {
    const { owner, slug } = await issuer();
    const draft = await owner.submit(`/orgs/${slug}/achievements`, {
      name: "Draft only",
      description: "Something",
      criteria: "Something",
    });
    expect(draft.status).toBe(303);
    const id = idFrom(draft.headers.get("location"));
    const refused = await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    expect(refused.status).toBe(422);
    const html = await refused.text();
    for (const message of [
      "List at least one learning outcome.",
      "Choose the type of assessment.",
      "Describe the quality assurance.",
    ]) {
      expect(html).toContain(message);
    }
    expect((await owner.submit(`/orgs/${slug}/achievements/${id}`, complete)).status).toBe(303);
    expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
    expect(await (await owner.get(`/orgs/${slug}/achievements`)).text()).toContain("Published");
  });

  it("answers invalid fields with messages on the right inputs", async () => {
    const { owner, slug } = await issuer();
    const response = await owner.submit(`/orgs/${slug}/achievements`, {
      ...complete,
      eqfLevel: "9",
      skill0Url: "not a url",
      inLanguage: "English!",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("EQF levels are 1–8.");
    expect(html).toContain('href="#field-skill0Url"');
    expect(html).toContain("Use a language tag such as en or nl-BE.");
  });

  it("serves the public page as HTML to people and as an OB 3.0 Achievement to machines", async () => {
    const { owner, slug } = await issuer();
    const id = idFrom((await owner.submit(`/orgs/${slug}/achievements`, complete)).headers.get("location"));
    expect((await ctx.app.request(`/achievements/${id}`)).status).toBe(404);
    await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    const page = await ctx.app.request(`/achievements/${id}`, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(page.headers.get("vary")).toBe("Accept");
    for (const text of [
      "Data Literacy Foundations",
      `Definer ${counter} Institute`,
      "Build an honest chart",
      "50 hours · 2 ECTS",
      "Project",
      "Online",
      "quality board",
    ]) {
      expect(html).toContain(text);
    }
    const jsonLd = await ctx.app.request(`/achievements/${id}`, {
      headers: { accept: "application/ld+json" },
    });
    expect(jsonLd.headers.get("content-type")).toBe("application/ld+json");
    const achievement = (await jsonLd.json()) as Record<string, unknown>;
    expect(achievement).toMatchObject({
      id: `http://localhost:3000/achievements/${id}`,
      type: ["Achievement"],
      achievementType: "MicroCredential",
      criteria: { narrative: complete.criteria },
      creditsAvailable: 2,
      tag: ["data", "statistics"],
      alignment: [
        { type: ["Alignment"], targetName: "Data literacy", targetCode: "S5.5.1", targetFramework: "ESCO" },
      ],
      creator: { id: `did:web:localhost%3A3000:orgs:${slug}` },
    });
  });

  it("keeps published versions unchanged: an edit opens the next version as a draft", async () => {
    const { owner, slug } = await issuer();
    const id = idFrom((await owner.submit(`/orgs/${slug}/achievements`, complete)).headers.get("location"));
    await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    const edited = await owner.submit(`/orgs/${slug}/achievements/${id}`, {
      ...complete,
      name: "Data Literacy Foundations (2027)",
    });
    expect(edited.status).toBe(303);
    const publicV1 = (await (
      await ctx.app.request(`/achievements/${id}`, { headers: { accept: "application/ld+json" } })
    ).json()) as Record<string, unknown>;
    expect(publicV1).toMatchObject({ name: "Data Literacy Foundations", version: "1" });
    await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    const publicV2 = (await (
      await ctx.app.request(`/achievements/${id}`, { headers: { accept: "application/json" } })
    ).json()) as Record<string, unknown>;
    expect(publicV2).toMatchObject({ name: "Data Literacy Foundations (2027)", version: "2" });
    const stillV1 = (await (
      await ctx.app.request(`/achievements/${id}?version=1`, { headers: { accept: "application/json" } })
    ).json()) as Record<string, unknown>;
    expect(stillV1.name).toBe("Data Literacy Foundations");
    const audit = await ctx.database.executeSql(
      "SELECT action FROM audit_events WHERE subject = $1 ORDER BY id",
      [id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      "achievement.created",
      "achievement.published",
      "achievement.updated",
      "achievement.published",
    ]);
  });

  it("archives a definition, and hides definitions from other organizations (404)", async () => {
    const a = await issuer();
    const b = await issuer();
    const id = idFrom(
      (await a.owner.submit(`/orgs/${a.slug}/achievements`, complete)).headers.get("location"),
    );
    expect((await b.owner.get(`/orgs/${a.slug}/achievements/${id}`)).status).toBe(404);
    expect((await b.owner.get(`/orgs/${b.slug}/achievements/${id}`)).status).toBe(404);
    expect((await b.owner.submit(`/orgs/${b.slug}/achievements/${id}/publish`, {})).status).toBe(404);
    expect((await a.owner.submit(`/orgs/${a.slug}/achievements/${id}/archive`, {})).status).toBe(303);
    expect(await (await a.owner.get(`/orgs/${a.slug}/achievements`)).text()).toContain("Archived");
    expect((await a.owner.submit(`/orgs/${a.slug}/achievements/${id}`, complete)).status).toBe(409);
  });
});
