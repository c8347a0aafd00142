import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userActor } from "../src/app/audit.ts";
import { awardCredential } from "../src/app/awards/award-credential.ts";
import { sendExpiryReminders } from "../src/app/awards/lifecycle/expiry-reminders.ts";
import { awardRequest } from "../src/domain/awards/award-request.ts";
import type { OrganizationRole } from "../src/domain/roles.ts";
import { eventually, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const definition = {
  name: "Safe Lab Practice",
  description: "Works safely in a teaching laboratory.",
  criteria: "Passed the practical safety assessment.",
  learningOutcomes: "Handle chemicals safely",
  workloadHours: "20",
  assessmentType: "project",
  participationForm: "online",
  qualityAssurance: "Reviewed yearly.",
};

let counter = 0;
async function issuerWithDefinition(
  statusPurpose: "revocation" | "suspension" = "revocation",
  extra: Record<string, string> = {},
) {
  const n = ++counter;
  const email = `lifecycle-${n}-${statusPurpose}@example.org`;
  const owner = await signedUp(ctx.app, { email, name: `Owner ${n}` });
  const slug = `lifecycle-${n}-${statusPurpose.slice(0, 3)}`;
  await owner.submit("/orgs", { name: `Lifecycle ${n} College`, slug, country: "NL" });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    ...definition,
    statusPurpose,
    ...extra,
  });
  expect(created.status).toBe(303);
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {})).status).toBe(303);
  const user = await ctx.deps.uow((r) => r.users.findByEmail(email));
  const actor = userActor(user?.id ?? "");
  const award = async (recipient: string, more: Record<string, string> = {}) =>
    awardCredential(ctx.deps, actor, slug, achievementId, awardRequest.parse({ recipient, ...more }), {
      idempotencyKey: `test:${recipient}`,
      notify: false,
    });
  return { owner, slug, achievementId, award, actor };
}

async function member(slug: string, role: OrganizationRole): Promise<BrowserClient> {
  const email = `${role}-${++counter}@example.org`;
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

const verify = async (credential: unknown) => {
  const response = await ctx.app.request("/credentials/verify", {
    method: "POST",
    body: JSON.stringify({ verifiableCredential: credential }),
    headers: { "content-type": "application/json" },
  });
  const report = (await response.json()) as {
    verified: boolean;
    checks: { id: string; status: string; message: string }[];
  };
  return { verified: report.verified, status: report.checks.find((c) => c.id === "status") };
};

describe("revoking, suspending and unsuspending awards", () => {
  it("revokes one award with a reason that verification shows at once, and audits before and after", async () => {
    const { owner, slug, award } = await issuerWithDefinition("revocation");
    const { award: a, credential } = await award("ada@example.org");
    expect((await verify(credential)).verified).toBe(true);
    const started = Date.now();
    const response = await owner.submit(`/orgs/${slug}/awards/${a.id}/status`, {
      action: "revoke",
      reason: "Assessment found to be plagiarised",
    });
    expect(response.status).toBe(303);
    const after = await verify(credential);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(after.verified).toBe(false);
    expect(after.status?.status).toBe("failed");
    expect(after.status?.message).toMatch(/revoked/i);
    expect(after.status?.message).toContain("Reason: Assessment found to be plagiarised");
    const page = await (await owner.get(`/orgs/${slug}/awards/${a.id}`)).text();
    expect(page).toContain("Revoked");
    expect(page).toContain("Assessment found to be plagiarised");
    const events = await ctx.deps.uow(async (r) => {
      const organization = await r.organizations.findBySlug(slug);
      return r.auditTrail.list(organization?.id ?? "", { limit: 10, offset: 0 });
    });
    expect(events.find((e) => e.action === "award.revoked")).toMatchObject({
      subject: a.id,
      data: {
        before: { status: "active" },
        after: { status: "revoked", statusReason: "Assessment found to be plagiarised" },
      },
    });
  });

  it("refuses to suspend a revocable credential, with a clear message", async () => {
    const { owner, slug, award } = await issuerWithDefinition("revocation");
    const { award: a } = await award("bo@example.org");
    const refused = await owner.submit(`/orgs/${slug}/awards/${a.id}/status`, {
      action: "suspend",
      reason: "Check",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("can only be revoked");
    const missing = await owner.submit(`/orgs/${slug}/awards/${a.id}/status`, {
      action: "revoke",
      reason: " ",
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Give a reason");
  });

  it("suspends in bulk, unsuspends one, and a revoked suspendable award can never be unsuspended", async () => {
    const { owner, slug, award } = await issuerWithDefinition("suspension");
    const one = await award("cy@example.org");
    const two = await award("di@example.org");
    const bulk = await owner.submit(`/orgs/${slug}/awards/bulk`, {
      action: "suspend",
      reason: "Under investigation",
      awardIds: [one.award.id, two.award.id],
    });
    expect(bulk.status).toBe(303);
    for (const { credential } of [one, two]) {
      const result = await verify(credential);
      expect(result.status?.status).toBe("failed");
      expect(result.status?.message).toContain("Reason: Under investigation");
    }
    const lift = await owner.submit(`/orgs/${slug}/awards/bulk`, {
      action: "unsuspend",
      reason: "Cleared",
      awardIds: one.award.id,
    });
    expect(lift.status).toBe(303);
    expect((await verify(one.credential)).verified).toBe(true);
    const revoke = await owner.submit(`/orgs/${slug}/awards/${two.award.id}/status`, {
      action: "revoke",
      reason: "Fraud confirmed",
    });
    expect(revoke.status).toBe(303);
    const refused = await owner.submit(`/orgs/${slug}/awards/${two.award.id}/status`, {
      action: "unsuspend",
      reason: "Oops",
    });
    expect(refused.status).toBe(409);
    expect((await verify(two.credential)).status?.message).toContain("Reason: Fraud confirmed");
  });

  it("changes nothing when one award of a bulk change is refused (one transaction)", async () => {
    const { owner, slug, award } = await issuerWithDefinition("suspension");
    const one = await award("ed@example.org");
    const two = await award("fa@example.org");
    await owner.submit(`/orgs/${slug}/awards/${two.award.id}/status`, { action: "revoke", reason: "Gone" });
    const refused = await owner.submit(`/orgs/${slug}/awards/bulk`, {
      action: "suspend",
      reason: "Batch",
      awardIds: [one.award.id, two.award.id],
    });
    expect(refused.status).toBe(409);
    expect((await verify(one.credential)).verified).toBe(true);
    const stored = await ctx.deps.uow((r) => r.awards.find(one.award.organizationId, one.award.id));
    expect(stored?.status).toBe("active");
  });

  it("lets issuers change status, refuses assessors (403) and other organizations (404)", async () => {
    const { slug, award } = await issuerWithDefinition("revocation");
    const { award: a } = await award("gu@example.org");
    const assessor = await member(slug, "assessor");
    const denied = await assessor.submit(`/orgs/${slug}/awards/${a.id}/status`, {
      action: "revoke",
      reason: "No",
    });
    expect(denied.status).toBe(403);
    const other = await issuerWithDefinition("revocation");
    const outsider = await other.owner.submit(`/orgs/${slug}/awards/bulk`, {
      action: "revoke",
      reason: "No",
      awardIds: a.id,
    });
    expect(outsider.status).toBe(404);
    const crossed = await other.owner.submit(`/orgs/${other.slug}/awards/bulk`, {
      action: "revoke",
      reason: "No",
      awardIds: a.id,
    });
    expect(crossed.status).toBe(404);
    const issuer = await member(slug, "issuer");
    expect(
      (await issuer.submit(`/orgs/${slug}/awards/${a.id}/status`, { action: "revoke", reason: "Ok" })).status,
    ).toBe(303);
  });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the award list, detail page and CSV export", () => {
  it("searches, filters by definition and status, pages, and exports the filtered list", async () => {
    const { owner, slug, award } = await issuerWithDefinition("revocation");
    for (let i = 0; i < 51; i++) await award(`learner${String(i).padStart(2, "0")}@example.org`);
    const grace = await award("grace@example.org", { recipientName: "Grace Hopper" });
    await owner.submit(`/orgs/${slug}/awards/${grace.award.id}/status`, { action: "revoke", reason: "Left" });
    const first = await (await owner.get(`/orgs/${slug}/awards`)).text();
    expect(first.match(/name="awardIds"/g)).toHaveLength(50);
    expect(first).toContain("Next page");
    const second = await (await owner.get(`/orgs/${slug}/awards?page=2`)).text();
    expect(second.match(/name="awardIds"/g)).toHaveLength(2);
    const search = await (await owner.get(`/orgs/${slug}/awards?q=hopper`)).text();
    expect(search.match(/name="awardIds"/g)).toHaveLength(1);
    expect(search).toContain(`/orgs/${slug}/awards/${grace.award.id}`);
    const revoked = await (await owner.get(`/orgs/${slug}/awards?status=revoked`)).text();
    expect(revoked.match(/name="awardIds"/g)).toHaveLength(1);
    const other = await (await owner.get(`/orgs/${slug}/awards?achievement=${crypto.randomUUID()}`)).text();
    expect(other).toContain("No awards match.");
    const csv = await owner.get(`/orgs/${slug}/awards.csv?status=revoked`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"grace@example.org","Grace Hopper","revoked","Left"');
    const all = (await (await owner.get(`/orgs/${slug}/awards.csv`)).text()).trim().split("\r\n");
    expect(all).toHaveLength(53);
  });

  it("shows an award's credential, status, validity and claim state; hides it from other organizations", async () => {
    const { owner, slug, award } = await issuerWithDefinition("suspension");
    const { award: a } = await award("hal@example.org", { validUntil: inDays(100) });
    const page = await (await owner.get(`/orgs/${slug}/awards/${a.id}`)).text();
    for (const text of [
      a.credentialId,
      "Active",
      inDays(100),
      "Not claimed yet",
      "Suspend",
      "Renew the award",
    ]) {
      expect(page).toContain(text);
    }
    const other = await issuerWithDefinition("revocation");
    expect((await other.owner.get(`/orgs/${slug}/awards/${a.id}`)).status).toBe(404);
    expect((await other.owner.get(`/orgs/${other.slug}/awards/${a.id}`)).status).toBe(404);
    expect((await other.owner.get(`/orgs/${slug}/awards.csv`)).status).toBe(404);
  });
});

describe("expiry, renewal and reminders", () => {
  it("applies the definition's validity rule and renews through the award use case, linked both ways", async () => {
    const { owner, slug, award } = await issuerWithDefinition("revocation", { validityMonths: "24" });
    const { award: a } = await award("ida@example.org");
    const months = (a.validUntil?.getTime() ?? 0) - a.issuedAt.getTime();
    expect(months / 86_400_000).toBeGreaterThan(725);
    const renewed = await owner.submit(`/orgs/${slug}/awards/${a.id}/renew`, { validUntil: "2040-06-30" });
    expect(renewed.status).toBe(303);
    const location = renewed.headers.get("location") ?? "";
    const newId = location.split("/").at(-1) ?? "";
    expect(newId).not.toBe(a.id);
    const again = await owner.submit(`/orgs/${slug}/awards/${a.id}/renew`, { validUntil: "2040-06-30" });
    expect(again.headers.get("location")).toBe(location);
    const fresh = await ctx.deps.uow((r) => r.awards.find(a.organizationId, newId));
    expect(fresh).toMatchObject({ replacesAwardId: a.id, recipient: "ida@example.org" });
    expect(fresh?.validUntil?.toISOString().slice(0, 10)).toBe("2040-06-30");
    expect(fresh?.credentialId).not.toBe(a.credentialId);
    expect(await (await owner.get(location)).text()).toContain(`/orgs/${slug}/awards/${a.id}`);
    expect(await (await owner.get(`/orgs/${slug}/awards/${a.id}`)).text()).toContain(location);
    const past = await owner.submit(`/orgs/${slug}/awards/${a.id}/renew`, { validUntil: "2001-01-01" });
    expect(past.status).toBe(422);
  });

  it("mails one reminder N days before expiry, never twice, also when run as the scheduled job", async () => {
    const { award } = await issuerWithDefinition("revocation");
    const soon = await award("jo@example.org", { validUntil: inDays(10) });
    const later = await award("ky@example.org", { validUntil: inDays(60) });
    await sendExpiryReminders(ctx.deps, { days: 30 });
    const mail = await mailTo(ctx, "jo@example.org", /expires on/);
    expect(mail.text).toContain("Safe Lab Practice");
    await sendExpiryReminders(ctx.deps, { days: 30 });
    const reminders = async () =>
      (await ctx.deps.uow((r) => r.outbox.list(500))).filter((m) => m.to === "jo@example.org");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await reminders()).toHaveLength(1);
    const find = (id: string) => ctx.deps.uow((r) => r.awards.find(soon.award.organizationId, id));
    expect((await find(soon.award.id))?.reminderSentAt).toBeInstanceOf(Date);
    expect((await find(later.award.id))?.reminderSentAt).toBeNull();
    await ctx.deps.uow((r) => r.jobs.send("awards.expiry-reminders", { days: 90 }));
    await eventually(async () => ((await find(later.award.id))?.reminderSentAt ? true : undefined));
    await mailTo(ctx, "ky@example.org", /expires on/);
  });
});
