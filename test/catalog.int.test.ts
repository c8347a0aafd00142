import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalog } from "../src/app/catalog/sync-catalog.ts";
import { DAY } from "../src/domain/rules.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
const now = new Date("2026-03-02T10:00:00Z");
/** Minutes past `now`: each publication happens a minute after the one before, so "newest" has an order. */
let minutes = 0;
const clock = () => new Date(now.getTime() + minutes * 60_000);
const idFrom = (response: Response) => response.headers.get("location")?.split("/").at(-1) ?? "";

type Offer = Record<string, string>;
const base = (name: string, extra: Offer = {}): Offer => ({
  name,
  description: `${name}: a short course.`,
  criteria: "Pass the final assessment.",
  learningOutcomes: `Apply ${name.toLowerCase()} at work`,
  workloadHours: "20",
  assessmentType: "project",
  participationForm: "online",
  qualityAssurance: "Reviewed by the academic board.",
  ...extra,
});
const skill = (name: string, i = 0) => ({
  [`skill${i}Name`]: name,
  [`skill${i}Url`]: `https://skills.example/${encodeURIComponent(name)}`,
});

async function provider(name: string, slug: string) {
  const owner = await signedUp(ctx.app, { email: `owner@${slug}.test` });
  await owner.submit("/orgs", { name, slug });
  const define = async (fields: Offer, publish = true) => {
    const id = idFrom(await owner.submit(`/orgs/${slug}/achievements`, fields));
    minutes += 1;
    if (publish)
      expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
    return id;
  };
  const award = (id: string, recipient: string) =>
    owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      nonce: `${id}-${recipient}-${Math.random()}`,
      recipient,
      recipientName: "Lee",
      notify: "no",
    });
  return { owner, slug, define, award };
}

const ids: Record<string, string> = {};
let northwind: Awaited<ReturnType<typeof provider>>;
let harbour: Awaited<ReturnType<typeof provider>>;
let admin: BrowserClient;

beforeAll(async () => {
  ctx = await startTestContext({ clock });
  admin = await signedUp(ctx.app, { email: "admin@catalog.test" });
  northwind = await provider("Northwind Academy", "northwind");
  harbour = await provider("Harbour College", "harbour");
  const nw = northwind.define;
  ids.kubeOps = await nw(
    base("Kubernetes Operations", {
      ...skill("Kubernetes"),
      industry: "technology",
      durationWeeks: "4",
      hoursPerWeek: "5",
      cost: "0",
      pacing: "self-paced",
      inLanguage: "en",
      eqfLevel: "5",
      ects: "2",
    }),
  );
  ids.cloudSec = await nw(
    base("Cloud Security Basics", {
      ...skill("Kubernetes"),
      ...skill("Threat modelling", 1),
      industry: "technology",
      durationWeeks: "8",
      hoursPerWeek: "10",
      cost: "300",
      currency: "EUR",
      participationForm: "blended",
      pacing: "cohort",
      startDates: "2026-04-01",
      inLanguage: "en-GB",
      eqfLevel: "6",
    }),
  );
  ids.patient = await nw(
    base("Patient Safety", {
      ...skill("Patient safety"),
      industry: "healthcare",
      durationWeeks: "3",
      hoursPerWeek: "4",
      cost: "120",
      currency: "EUR",
      participationForm: "onsite",
      inLanguage: "nl",
      eqfLevel: "4",
    }),
  );
  ids.books = await harbour.define(
    base("Bookkeeping Fundamentals", {
      ...skill("Bookkeeping"),
      industry: "business-and-finance",
      durationWeeks: "2",
      hoursPerWeek: "12",
      cost: "600",
      currency: "EUR",
      pacing: "cohort",
      inLanguage: "en",
      eqfLevel: "4",
    }),
  );
  ids.kubeDev = await harbour.define(
    base("Containers for Developers", {
      description: "Ship services to a Kubernetes cluster.",
      ...skill("Kubernetes"),
      industry: "technology",
      durationWeeks: "5",
      hoursPerWeek: "6",
      cost: "80",
      currency: "EUR",
      inLanguage: "en",
      eqfLevel: "5",
    }),
  );
  ids.draft = await harbour.define(base("Kubernetes Draft", skill("Kubernetes")), false);
  ids.old = await harbour.define(base("Old Kubernetes Course", skill("Kubernetes")));
  await harbour.owner.submit(`/orgs/harbour/achievements/${ids.old}/archive`, {});

  // A pathway of Northwind's: Kubernetes Operations and Cloud Security stack toward it.
  ids.pathway = await nw(base("Cloud Native Certificate", { industry: "technology", durationWeeks: "12" }));
  const url = (id: string) => `${ctx.publicUrl}/achievements/${id}`;
  const saved = await northwind.owner.submit(`/orgs/northwind/achievements/${ids.pathway}/pathway`, {
    rootRule: "all",
    g0Rule: "all",
    g0c0Achievement: url(ids.kubeOps),
    g0c1Achievement: url(ids.cloudSec),
    policy: "keep",
  });
  expect(saved.status).toBe(303);

  // Northwind is accredited as a whole; of Harbour's, only Containers for Developers is.
  const reviewer = await signedUp(ctx.app, { email: "reviewer@qa.test" });
  await reviewer.submit("/orgs", { name: "Quality Agency", slug: "qa-agency" });
  await admin.submit("/admin/organizations/qa-agency/accreditor", { accreditor: "yes" });
  const accredit = (issuer: string, achievementId = "") =>
    reviewer.submit("/orgs/qa-agency/accreditations", {
      issuer,
      achievementId,
      criteria: ["Learning outcomes are assessed"],
      met: ["0"],
      comment: "Reviewed the programme documents and observed two assessments; all criteria are met.",
      validUntil: new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
    });
  expect((await accredit("northwind")).status).toBe(303);
  expect((await accredit("harbour", ids.kubeDev)).status).toBe(303);

  // Kubernetes Operations is earned three times by two learners; Containers for Developers once.
  for (const r of ["ann@l.test", "bo@l.test", "ann@l.test"])
    expect((await northwind.award(ids.kubeOps, r)).status).toBe(303);
  expect((await harbour.award(ids.kubeDev, "cy@l.test")).status).toBe(303);
});
afterAll(() => ctx.close());

const visitor = () => browserClient(ctx.app);
const page = async (query: string) => {
  const response = await visitor().get(`/catalog${query}`);
  return { status: response.status, html: await response.text() };
};
/** The names of the result cards, in order. */
const names = (html: string) =>
  [...html.matchAll(/<h3><a href="\/achievements\/[0-9a-f-]{36}">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const found = async (query: string) => names((await page(query)).html);

describe("the public catalog", () => {
  it("lists published micro-credentials only: no draft, no archived one", async () => {
    const all = await found("");
    expect(all).toHaveLength(6);
    expect(all).not.toContain("Kubernetes Draft");
    expect(all).not.toContain("Old Kubernetes Course");
  });

  it("searches names, descriptions, outcomes and skills, best match first", async () => {
    const hits = await found("?q=kubernetes");
    expect(hits[0]).toBe("Kubernetes Operations");
    expect(hits.sort()).toEqual([
      "Cloud Security Basics",
      "Containers for Developers",
      "Kubernetes Operations",
    ]);
    expect(await found("?q=threat+modelling")).toEqual(["Cloud Security Basics"]);
    expect(await found("?q=nothing-like-this")).toEqual([]);
  });

  it("filters by each facet", async () => {
    const sorted = async (q: string) => (await found(q)).sort();
    expect(await sorted("?skill=Kubernetes")).toEqual([
      "Cloud Security Basics",
      "Containers for Developers",
      "Kubernetes Operations",
    ]);
    expect(await sorted("?industry=healthcare")).toEqual(["Patient Safety"]);
    expect(await sorted("?provider=harbour")).toEqual([
      "Bookkeeping Fundamentals",
      "Containers for Developers",
    ]);
    expect(await sorted("?accredited=yes&provider=harbour")).toEqual(["Containers for Developers"]);
    expect(await sorted("?accredited=yes")).toHaveLength(5);
    expect(await sorted("?level=4")).toEqual(["Bookkeeping Fundamentals", "Patient Safety"]);
    expect(await sorted("?cost=free")).toEqual(["Kubernetes Operations"]);
    expect(await sorted("?cost=under-100")).toEqual(["Containers for Developers"]);
    expect(await sorted("?cost=100-500")).toEqual(["Cloud Security Basics", "Patient Safety"]);
    expect(await sorted("?cost=over-500")).toEqual(["Bookkeeping Fundamentals"]);
    expect(await sorted("?duration=under-6")).toEqual([
      "Bookkeeping Fundamentals",
      "Containers for Developers",
      "Kubernetes Operations",
      "Patient Safety",
    ]);
    expect(await sorted("?duration=12-plus")).toEqual(["Cloud Native Certificate"]);
    expect(await sorted("?hours=over-10")).toEqual(["Bookkeeping Fundamentals"]);
    expect(await sorted("?delivery=onsite")).toEqual(["Patient Safety"]);
    expect(await sorted("?pacing=cohort")).toEqual(["Bookkeeping Fundamentals", "Cloud Security Basics"]);
    expect(await sorted("?language=nl")).toEqual(["Patient Safety"]);
    expect(await sorted(`?pathway=${ids.pathway}`)).toEqual([
      "Cloud Security Basics",
      "Kubernetes Operations",
    ]);
    expect(await sorted("?skill=kubernetes&accredited=yes&duration=under-6")).toEqual([
      "Containers for Developers",
      "Kubernetes Operations",
    ]);
  });

  it("shows counts per facet value over the matching rows", async () => {
    const { html } = await page("?q=kubernetes");
    expect(html).toContain(">Technology (3)</option>");
    expect(html).toContain(">Northwind Academy (2)</option>");
    expect(html).toContain(">kubernetes (3)</option>");
    expect(html).toContain(">Under 6 weeks (2)</option>");
    expect(html).toContain(">Cloud Native Certificate (2)</option>");
    expect(html).not.toContain("Healthcare (");
    expect(html).toContain("holds an accreditation in force) (3)");
    expect((await page("?provider=harbour")).html).toContain("holds an accreditation in force) (1)");
  });

  it("sorts by newest, shortest, cheapest and most earned", async () => {
    expect((await found("?sort=newest"))[0]).toBe("Cloud Native Certificate");
    expect((await found("?sort=shortest")).slice(0, 2)).toEqual([
      "Bookkeeping Fundamentals",
      "Patient Safety",
    ]);
    expect((await found("?sort=cheapest")).slice(0, 3)).toEqual([
      "Kubernetes Operations",
      "Containers for Developers",
      "Patient Safety",
    ]);
    expect((await found("?sort=earned")).slice(0, 2)).toEqual([
      "Kubernetes Operations",
      "Containers for Developers",
    ]);
    expect((await page("?sort=earned")).html).toContain("Earned 3 times");
  });

  it("keeps its state in the URL: the form shows it and page links carry it", async () => {
    const { html } = await page("?q=course&industry=technology&sort=cheapest");
    expect(html).toContain('value="course"');
    expect(html).toMatch(/<option value="technology" selected="">/);
    expect(html).toMatch(/<option value="cheapest" selected="">/);
    expect(html).toMatch(/<input type="checkbox" name="accredited" value="yes"\s*\/?>/);
    expect((await page("?accredited=yes")).html).toMatch(/name="accredited" value="yes" checked=""/);
  });

  it("pages through results, twelve at a time", async () => {
    for (let i = 0; i < 8; i++) await harbour.define(base(`Filler Course ${i}`, { industry: "other" }));
    const first = await page("?sort=newest");
    expect(names(first.html)).toHaveLength(12);
    expect(first.html).toContain("14 micro-credentials · page 1 of 2");
    expect(first.html).toContain('href="/catalog?sort=newest&amp;page=2"');
    const second = await found("?sort=newest&page=2");
    expect(second).toHaveLength(2);
    expect(second).not.toContain(names(first.html)[0]);
    expect(await found("?page=99")).toEqual([]);
  });

  it("answers bad parameters with a 400 that says which, never a 500", async () => {
    for (const query of [
      "?level=9",
      "?sort=random",
      "?page=0",
      "?industry=mining",
      "?pathway=nope",
      "?cost=1",
    ]) {
      const { status, html } = await page(query);
      expect(status, query).toBe(400);
      expect(html).toContain("There is a problem");
    }
    expect((await page("?level=9")).html).toContain("EQF levels are 1–8.");
    const unknown = await page("?provider=nobody");
    expect(unknown.status).toBe(200);
    expect(unknown.html).toContain("0 micro-credentials (no provider has that name)");
  });

  it("shows the published version until the next one is published", async () => {
    await northwind.owner.submit(
      `/orgs/northwind/achievements/${ids.patient}`,
      base("Patient Safety Advanced", { industry: "healthcare", durationWeeks: "3" }),
    );
    expect(await found("?industry=healthcare")).toEqual(["Patient Safety"]);
    await northwind.owner.submit(`/orgs/northwind/achievements/${ids.patient}/publish`, {});
    expect(await found("?industry=healthcare")).toEqual(["Patient Safety Advanced"]);
  });
});

describe("catalog upkeep", () => {
  it("fills in micro-credentials published before the catalog existed and drops unpublished rows", async () => {
    const sql = ctx.database.executeSql;
    await sql("DELETE FROM catalog_entries WHERE achievement_id = $1", [ids.kubeOps]);
    // A row left behind by a path that unpublished without the catalog knowing.
    await sql("UPDATE achievements SET status = 'archived' WHERE id = $1", [ids.books]);
    expect(await found("?q=kubernetes+operations")).toEqual([]);
    expect(await syncCatalog(ctx.deps)).toEqual({ added: 1, removed: 1 });
    expect(await found("?q=kubernetes+operations")).toEqual(["Kubernetes Operations"]);
    expect(await found("?q=bookkeeping")).toEqual([]);
    // Earned counts are recounted from the awards, and a second run finds nothing to do.
    expect((await page("?sort=earned")).html).toContain("Earned 3 times");
    expect(await syncCatalog(ctx.deps)).toEqual({ added: 0, removed: 0 });
    await sql("UPDATE achievements SET status = 'published' WHERE id = $1", [ids.books]);
    await syncCatalog(ctx.deps);
  });
});

describe("comparison", () => {
  it("puts two to four side by side in an accessible table", async () => {
    const response = await visitor().get(
      `/catalog/compare?ids=${ids.kubeOps},${ids.kubeDev},${ids.cloudSec}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<section aria-label="Comparison table" tabindex="0"/);
    expect([...html.matchAll(/<th scope="col">/g)]).toHaveLength(3);
    for (const row of ["Learning outcomes", "Skills", "Assessment", "Workload", "Cost", "Format", "Level"])
      expect(html).toContain(`<th scope="row">${row}</th>`);
    expect(html).toContain("Accredited by Quality Agency");
    expect(html).toContain("Cloud Native Certificate");
    expect(html).toContain("Free");
    expect(html).toContain("Blended, cohort, starts 2026-04-01");
    expect(html.indexOf("Kubernetes Operations")).toBeLessThan(html.indexOf("Containers for Developers"));
  });

  it("takes the catalog's ticked boxes (repeated ids) too", async () => {
    const response = await visitor().get(`/catalog/compare?ids=${ids.kubeOps}&ids=${ids.books}`);
    expect(response.status).toBe(200);
  });

  it("refuses one, five, malformed or unpublished choices clearly", async () => {
    const status = async (q: string) => (await visitor().get(`/catalog/compare${q}`)).status;
    expect(await status(`?ids=${ids.kubeOps}`)).toBe(400);
    expect(await status("")).toBe(400);
    expect(
      await status(`?ids=${[ids.kubeOps, ids.kubeDev, ids.cloudSec, ids.books, ids.patient].join(",")}`),
    ).toBe(400);
    expect(await status(`?ids=${ids.kubeOps},not-an-id`)).toBe(400);
    expect(await status(`?ids=${ids.kubeOps},${ids.old}`)).toBe(404);
    expect(await status(`?ids=${ids.kubeOps},${ids.draft}`)).toBe(404);
  });
});

describe("provider pages", () => {
  it("show the provider's micro-credentials, accreditation and figures, linked to the registry", async () => {
    const html = await (await visitor().get("/catalog/providers/northwind")).text();
    expect(html).toContain("Accredited by Quality Agency");
    expect(html).toMatch(/<dt>Earned<\/dt>\s*<dd>3 credentials issued<\/dd>/);
    expect(html).toMatch(/<dt>Active learners<\/dt>\s*<dd>2<\/dd>/);
    expect(html).toContain('href="/issuers/northwind"');
    expect(names(html)).toContain("Kubernetes Operations");
    const registry = await (await visitor().get("/issuers/northwind")).text();
    expect(registry).toContain('href="/catalog/providers/northwind"');
    const harbourPage = await (await visitor().get("/catalog/providers/harbour")).text();
    expect(harbourPage).toContain("Some micro-credentials are accredited");
    expect((await visitor().get("/catalog/providers/nobody")).status).toBe(404);
  });

  it("counts learners with an active award only: expired ones drop out", async () => {
    const before = minutes;
    minutes += 3 * 365 * 24 * 60;
    try {
      const html = await (await visitor().get("/catalog/providers/northwind")).text();
      // The awards never expire, but the accreditation (one year) has ended.
      expect(html).toMatch(/<dt>Active learners<\/dt>\s*<dd>2<\/dd>/);
      expect(html).toContain("No accreditation in force");
    } finally {
      minutes = before;
    }
  });
});
