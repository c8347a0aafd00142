import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStarterSkills } from "../src/app/skills/ensure-starter-skills.ts";
import { importSkillFramework } from "../src/app/skills/import-skill-framework.ts";
import { searchSkills } from "../src/app/skills/search-skills.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
  await ensureStarterSkills(ctx.deps);
});
afterAll(() => ctx.close());

let counter = 0;
async function owner(): Promise<{ client: BrowserClient; slug: string }> {
  const n = ++counter;
  const client = await signedUp(ctx.app, { email: `skills-owner-${n}@example.org` });
  const slug = `skills-org-${n}`;
  expect((await client.submit("/orgs", { name: `Skills Org ${n}`, slug })).status).toBe(303);
  return { client, slug };
}

/** Posts the import form as a browser does: multipart with the file, the name and the CSRF token. */
async function importFile(client: BrowserClient, slug: string, content: string, fileName: string, name = "") {
  const form = new FormData();
  form.set("_csrf", client.jar.get("cairn_csrf") ?? "");
  form.set("name", name);
  form.set("file", new File([content], fileName, { type: "text/csv" }));
  const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return ctx.app.request(`/orgs/${slug}/skills/import`, { method: "POST", body: form, headers: { cookie } });
}

type Found = { skills: { code: string; description: string | null; [key: string]: unknown }[] };
const search = async (client: BrowserClient, slug: string, q: string) =>
  (await (await client.get(`/orgs/${slug}/skills/search?q=${encodeURIComponent(q)}`)).json()) as Found;

const ESCO = [
  "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description",
  'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/0001,skill/competence,sector-specific,manage musical staff,"coordinate duties of musical staff\nmanage music staff",,released,2016-12-20,,,,"Assign and manage staff tasks in areas such as scoring, arranging, copying music."',
  "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/0002,skill/competence,cross-sector,operate solar panels,,,released,2016-12-20,,,,Install and run photovoltaic systems.",
].join("\n");

const ONET_SKILLS_TXT = [
  "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value",
  "11-1011.00\t2.A.1.a\tReading Comprehension\tIM\t4.12",
  "11-1011.00\t2.A.1.a\tReading Comprehension\tLV\t4.75",
  "11-1011.00\t2.A.1.b\tActive Listening\tIM\t4.12",
].join("\n");

const ONET_REFERENCE = [
  "Element ID,Element Name,Description",
  '2.B.1.a,Social Perceptiveness,"Being aware of others\' reactions, and understanding why they react as they do."',
  "2.B.3.e,Programming,Writing computer programs for various purposes.",
].join("\r\n");

describe("skills", () => {
  it("seeds the starter catalog idempotently and finds skills by name, alternative label and code", async () => {
    const { client, slug } = await owner();
    const again = await ensureStarterSkills(ctx.deps);
    expect(again).toBeGreaterThanOrEqual(40);
    const page = await (await client.get(`/orgs/${slug}/skills`)).text();
    expect(page).toContain("Cairn starter skills");
    expect(page).toContain(`<td>${again}</td>`);
    const user = await ctx.deps.uow((r) => r.users.findByEmail(`skills-owner-${counter}@example.org`));
    const actor = { kind: "user", userId: user?.id ?? "", isPlatformAdmin: false } as const;
    const [first] = await searchSkills(ctx.deps, actor, slug, "data lit");
    expect(first).toMatchObject({ code: "cairn:data-literacy", name: "Data literacy", source: "cairn" });
    expect((await searchSkills(ctx.deps, actor, slug, "EXCEL")).map((s) => s.code)).toContain(
      "cairn:spreadsheets",
    );
    expect((await searchSkills(ctx.deps, actor, slug, "cairn:carbon")).map((s) => s.code)).toEqual([
      "cairn:carbon-accounting",
    ]);
    expect(await searchSkills(ctx.deps, actor, slug, "100%_")).toEqual([]);
    const publicPage = await ctx.app.request("/skills/cairn:data-literacy");
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain("Find, read, evaluate and communicate with data.");
    expect((await ctx.app.request("/skills/cairn:nope")).status).toBe(404);
  });

  it("imports an ESCO CSV (quoted multi-line alternative labels) and updates it on re-import", async () => {
    const { client, slug } = await owner();
    const imported = await importFile(client, slug, ESCO, "skills_en.csv");
    expect(imported.status).toBe(303);
    const found = await client.get(`/orgs/${slug}/skills/search?q=music%20staff`);
    expect(found.status).toBe(200);
    const { skills } = (await found.json()) as { skills: { code: string; framework: { name: string } }[] };
    expect(skills).toEqual([
      expect.objectContaining({
        code: "http://data.europa.eu/esco/skill/0001",
        name: "manage musical staff",
        url: "http://data.europa.eu/esco/skill/0001",
        framework: expect.objectContaining({ name: "ESCO skills", source: "esco" }),
      }),
    ]);
    const renamed = ESCO.replace("operate solar panels", "operate solar photovoltaic panels");
    expect((await importFile(client, slug, renamed, "skills_en.csv")).status).toBe(303);
    const page = await (await client.get(`/orgs/${slug}/skills?q=photovoltaic`)).text();
    expect(page).toContain("operate solar photovoltaic panels");
    expect(page.match(/ESCO \(imported\)/g)).toHaveLength(1);
    expect(page).toMatch(/ESCO skills<\/td><td>ESCO \(imported\)<\/td><td>2<\/td>/);
  });

  it("imports O*NET files, tab-separated with repeated elements or the comma-separated content model", async () => {
    const { client, slug } = await owner();
    expect((await importFile(client, slug, ONET_SKILLS_TXT, "Skills.txt", "O*NET skills")).status).toBe(303);
    expect((await importFile(client, slug, ONET_REFERENCE, "Content Model Reference.csv")).status).toBe(303);
    const listening = await search(client, slug, "listening");
    expect(listening.skills[0]).toMatchObject({
      code: "2.A.1.b",
      url: "https://www.onetonline.org/find/descriptor/result/2.A.1.b",
      framework: { name: "O*NET skills", source: "onet" },
    });
    const perceptive = await search(client, slug, "2.b.1.a");
    expect(perceptive.skills[0]?.description).toContain("others' reactions, and understanding");
    const page = await (await client.get(`/orgs/${slug}/skills`)).text();
    expect(page).toMatch(/O\*NET skills<\/td><td>O\*NET \(imported\)<\/td><td>2<\/td>/);
  });

  it("reports row-level errors and imports nothing when any row is invalid", async () => {
    const { client, slug } = await owner();
    const bad = `${ESCO}\nKnowledgeSkillCompetence,not a uri,,,label,,,,,,,,\nKnowledgeSkillCompetence,http://data.europa.eu/esco/skill/0009,,,,,,,,,,,`;
    const response = await importFile(client, slug, bad, "skills_en.csv");
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("2 row(s) have problems; nothing was imported.");
    expect(html).toContain("Line 5: conceptUri is not an http(s) URI");
    expect(html).toContain("Line 6: preferredLabel is empty");
    const found = await search(client, slug, "musical");
    expect(found.skills).toEqual([]);
    const unknown = await importFile(client, slug, "code,label\nx,y", "mine.csv");
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("are not ESCO");
    expect((await importFile(client, slug, `${ESCO}\n${ESCO.split("\n")[2]}`, "dup.csv")).status).toBe(422);
  });

  it("refuses files over 8 MiB", async () => {
    const { slug } = await owner();
    const user = await ctx.deps.uow((r) => r.users.findByEmail(`skills-owner-${counter}@example.org`));
    const actor = { kind: "user", userId: user?.id ?? "", isPlatformAdmin: false } as const;
    const row = `KnowledgeSkillCompetence,http://example.org/s,,,${"x".repeat(200)},,,,,,,,\n`;
    const huge = Readable.from([
      Buffer.from(ESCO.split("\n")[0] ?? ""),
      Buffer.from(`\n${row.repeat(45_000)}`),
    ]);
    await expect(importSkillFramework(ctx.deps, actor, slug, { file: huge })).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("searches through the API with an organization key: starter and own skills, never another organization's", async () => {
    const a = await owner();
    const b = await owner();
    expect((await importFile(b.client, b.slug, ESCO, "skills_en.csv")).status).toBe(303);
    expect((await importFile(a.client, a.slug, ONET_REFERENCE, "ref.csv")).status).toBe(303);
    const created = await a.client.submit(`/orgs/${a.slug}/api-keys`, {
      name: "LMS",
      scopes: "organization:read",
    });
    const key = /value="(cairn_[A-Za-z0-9_-]+)"/.exec(await created.text())?.[1];
    const get = (q: string, auth = `Bearer ${key}`) =>
      ctx.app.request(`/api/v1/skills?q=${encodeURIComponent(q)}`, { headers: { authorization: auth } });
    const programming = await get("programming");
    expect(programming.status).toBe(200);
    const codes = ((await programming.json()) as { skills: { code: string }[] }).skills.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(["cairn:programming", "2.B.3.e"]));
    const other = (await (await get("musical")).json()) as { skills: unknown[] };
    expect(other.skills).toEqual([]);
    expect((await get("x", "Bearer cairn_nope")).status).toBe(401);
    const noScope = await a.client.submit(`/orgs/${a.slug}/api-keys`, { name: "x", scopes: "members:read" });
    const weak = /value="(cairn_[A-Za-z0-9_-]+)"/.exec(await noScope.text())?.[1];
    expect((await get("x", `Bearer ${weak}`)).status).toBe(403);
    const spec = (await (await ctx.app.request("/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(spec.paths["/api/v1/skills"]).toBeDefined();
  });

  it("hides one organization's skills pages from another organization's members (404)", async () => {
    const a = await owner();
    const b = await owner();
    expect((await a.client.get(`/orgs/${b.slug}/skills`)).status).toBe(404);
    expect((await a.client.get(`/orgs/${b.slug}/skills/search?q=data`)).status).toBe(404);
    expect((await importFile(a.client, b.slug, ESCO, "skills_en.csv")).status).toBe(404);
    const listed = await (await b.client.get(`/orgs/${b.slug}/skills`)).text();
    expect(listed).not.toContain("ESCO (imported)");
  });
});
