import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSummary } from "../src/app/audit/list-audit-events.ts";
import { userActor } from "../src/app/audit.ts";
import { awardCredential } from "../src/app/awards/award-credential.ts";
import { awardRequest } from "../src/domain/awards/award-request.ts";
import type { OrganizationRole } from "../src/domain/roles.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const definition = (name: string) => ({
  name,
  description: "Works safely in a teaching laboratory.",
  criteria: "Passed the practical safety assessment.",
  learningOutcomes: "Handle chemicals safely",
  workloadHours: "20",
  assessmentType: "project",
  participationForm: "online",
  qualityAssurance: "Reviewed yearly.",
  statusPurpose: "suspension",
});

let counter = 0;
async function issuer() {
  const n = ++counter;
  const email = `dashboard-${n}@example.org`;
  const owner = await signedUp(ctx.app, { email, name: `Dana ${n}` });
  const slug = `dashboard-${n}`;
  await owner.submit("/orgs", { name: `Dashboard ${n} Academy`, slug, country: "DE" });
  const user = await ctx.deps.uow((r) => r.users.findByEmail(email));
  const actor = userActor(user?.id ?? "");
  const define = async (name: string) => {
    const created = await owner.submit(`/orgs/${slug}/achievements`, definition(name));
    const id = created.headers.get("location")?.split("/").at(-1) ?? "";
    expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
    return id;
  };
  const award = (achievementId: string, recipient: string, more: Record<string, string> = {}) =>
    awardCredential(ctx.deps, actor, slug, achievementId, awardRequest.parse({ recipient, ...more }), {
      idempotencyKey: `k:${recipient}`,
      notify: false,
    });
  return { owner, slug, define, award };
}

async function member(slug: string, role: OrganizationRole): Promise<BrowserClient> {
  const email = `${role}-d${++counter}@example.org`;
  const client = await signedUp(ctx.app, { email });
  await ctx.deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    const user = await r.users.findByEmail(email);
    await r.memberships.insert({
      organizationId: organization?.id ?? "",
      userId: user?.id ?? "",
      role,
      createdAt: new Date(),
    });
  });
  return client;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const cell = (html: string, label: string) => new RegExp(`<dt>${label}</dt><dd>(\\d+)</dd>`).exec(html)?.[1];

describe("the issuer dashboard", () => {
  it("counts issued, claimed, revoked, suspended and expiring awards, per definition and per month", async () => {
    const { owner, slug, define, award } = await issuer();
    const first = await define("Lab Safety");
    const second = await define("Fieldwork");
    const a = await award(first, "a@example.org", { validUntil: inDays(10) });
    const b = await award(first, "b@example.org");
    await award(first, "c@example.org", { validUntil: inDays(200) });
    await award(second, "d@example.org", { issuedOn: "2000-01-01" });
    await owner.submit(`/orgs/${slug}/awards/${a.award.id}/status`, { action: "revoke", reason: "x" });
    await owner.submit(`/orgs/${slug}/awards/${b.award.id}/status`, { action: "suspend", reason: "y" });
    await ctx.deps.uow((r) => r.awards.update(b.award.id, { claimedAt: new Date() }));
    const response = await owner.get(`/orgs/${slug}/awards/dashboard`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(cell(html, "Issued")).toBe("4");
    expect(cell(html, "Claimed")).toBe("1");
    expect(cell(html, "Revoked")).toBe("1");
    expect(cell(html, "Suspended")).toBe("1");
    expect(cell(html, "Expiring within 30 days")).toBe("0");
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Awards issued per month, last 12 months: [^"]*4\./,
    );
    expect(html).toContain('<table class="visually-hidden">');
    expect(html).toMatch(
      /<th scope="row"><a href="[^"]+">Lab Safety<\/a><\/th><td>3<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>0<\/td>/,
    );
    const c = await award(first, "e@example.org", { validUntil: inDays(20) });
    expect(
      cell(await (await owner.get(`/orgs/${slug}/awards/dashboard`)).text(), "Expiring within 30 days"),
    ).toBe("1");
    expect(c.created).toBe(true);
  });

  it("is open to members who may read credentials, not to employers (403) or outsiders (404)", async () => {
    const { slug } = await issuer();
    expect((await (await member(slug, "assessor")).get(`/orgs/${slug}/awards/dashboard`)).status).toBe(200);
    expect((await (await member(slug, "employer")).get(`/orgs/${slug}/awards/dashboard`)).status).toBe(403);
    const outsider = await issuer();
    expect((await outsider.owner.get(`/orgs/${slug}/awards/dashboard`)).status).toBe(404);
  });
});

describe("the audit log", () => {
  it("shows owners every change newest first with actor and before/after; others get 403 or 404", async () => {
    const { owner, slug, define, award } = await issuer();
    const id = await define("Audit Trail");
    const { award: a } = await award(id, "z@example.org");
    await owner.submit(`/orgs/${slug}/awards/${a.id}/status`, { action: "suspend", reason: "Checking" });
    const response = await owner.get(`/orgs/${slug}/audit`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const suspended = html.indexOf("award.suspended");
    expect(suspended).toBeGreaterThan(0);
    expect(suspended).toBeLessThan(html.indexOf("award.issued"));
    expect(html).toContain(`Dana ${counter} (dashboard-${counter}@example.org)`);
    expect(html).toContain("status: active → suspended; statusReason: — → Checking");
    expect((await (await member(slug, "issuer")).get(`/orgs/${slug}/audit`)).status).toBe(403);
    expect((await (await issuer()).owner.get(`/orgs/${slug}/audit`)).status).toBe(404);
  });

  it("is append-only: no code path updates or deletes audit rows", async () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    for (const file of files("src")) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/\.(update|delete)\(\s*auditEvents\b/);
      expect(text, file).not.toMatch(/(update|delete\s+from)\s+"?audit_events"?/i);
    }
    const methods = await ctx.deps.uow(async (r) => [...Object.keys(r.audit), ...Object.keys(r.auditTrail)]);
    expect(methods.sort()).toEqual(["list", "record"]);
    expect(diffSummary({ before: { validUntil: null }, after: { validUntil: "2030" } })).toBe(
      "validUntil: — → 2030",
    );
  });
});
