import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

type Json = Record<string, unknown>;
let counter = 0;
const definition = {
  name: "Safe Mooring Operations",
  description: "Plans and carries out mooring safely.",
  criteria: "Pass a supervised practical.",
  learningOutcomes: "Plan a mooring\nBrief a crew",
  workloadHours: "30",
  ects: "1",
  eqfLevel: "4",
  assessmentType: "practical",
  participationForm: "onsite",
  qualityAssurance: "Two certified assessors.",
  validityMonths: "24",
  // The offer facts use Cairn's context terms: signed credentials carrying them must still verify.
  durationWeeks: "3",
  hoursPerWeek: "10",
  cost: "250",
  currency: "EUR",
  pacing: "cohort",
  startDates: "2026-09-01, 2027-01-11",
  industry: "hospitality",
};

async function issuerWithDefinition(
  publish = true,
): Promise<{ owner: BrowserClient; slug: string; id: string }> {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `awarder-${n}@example.org` });
  const slug = `awarder-${n}`;
  await owner.submit("/orgs", { name: `Awarder ${n} Academy`, slug });
  const id =
    (await owner.submit(`/orgs/${slug}/achievements`, definition)).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  if (publish) await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
  return { owner, slug, id };
}

const credentialOf = async (awardId: string) => {
  const award = (await ctx.database.executeSql("SELECT credential_id FROM awards WHERE id = $1", [awardId]))
    .rows[0];
  const row = (
    await ctx.database.executeSql("SELECT document FROM issued_credentials WHERE id = $1", [
      award?.credential_id,
    ])
  ).rows[0];
  return row?.document as Json;
};
const verify = async (credential: unknown) => {
  const response = await ctx.app.request("/credentials/verify", {
    method: "POST",
    body: JSON.stringify({ verifiableCredential: credential }),
    headers: { "content-type": "application/json" },
  });
  return {
    status: response.status,
    report: (await response.json()) as { checks: { id: string; status: string }[] },
  };
};

describe("awarding one credential", () => {
  it("awards by form: a signed credential with the EU elements and the expiry rule, verifying, and a claim mail", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    const form = await (await owner.get(`/orgs/${slug}/achievements/${id}/award`)).text();
    const nonce = /name="nonce" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const fields = {
      nonce,
      recipient: "Lena@Learner.test",
      recipientName: "Lena",
      result: "Distinction",
      narrative: "Moored in a gale.",
      issuedOn: "2026-11-01",
      notify: "yes",
    };
    const response = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, fields);
    expect(response.status).toBe(303);
    const awardId = response.headers.get("location")?.split("/").at(-1) ?? "";
    const again = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, fields);
    expect(again.headers.get("location")).toBe(response.headers.get("location"));
    expect(
      (await ctx.database.executeSql("SELECT count(*)::int AS n FROM awards WHERE achievement_id = $1", [id]))
        .rows[0]?.n,
    ).toBe(1);

    const credential = await credentialOf(awardId);
    const subject = credential.credentialSubject as Json;
    expect(subject.identifier).toEqual([
      expect.objectContaining({ identityType: "emailAddress", hashed: true }),
    ]);
    expect(JSON.stringify(credential)).not.toContain("lena@learner.test");
    expect(subject.achievement).toMatchObject({
      name: definition.name,
      learningOutcome: ["Plan a mooring", "Brief a crew"],
      eqfLevel: 4,
      notionalWorkloadHours: 30,
      assessmentType: "practical",
      durationWeeks: 3,
      cost: 250,
      costCurrency: "EUR",
      cohortStartDate: ["2026-09-01", "2027-01-11"],
      industry: "hospitality",
    });
    expect(subject.result).toEqual([{ type: ["Result"], value: "Distinction" }]);
    expect(credential.validFrom).toBe("2026-11-01T00:00:00Z");
    expect(credential.validUntil).toBe("2028-11-01T00:00:00Z");
    const { status, report } = await verify(credential);
    expect(status, JSON.stringify(report)).toBe(200);

    const mail = await mailTo(ctx, "lena@learner.test", /awarded you Safe Mooring Operations/);
    const claim = linkIn(mail.text, "/claim/");
    const page = await browserClient(ctx.app).get(claim);
    expect(await page.text()).toContain("Download the signed credential");
    const download = await ctx.app.request(`${claim}/credential.json`);
    expect((await verify(await download.json())).status).toBe(200);
    const lena = await signedUp(ctx.app, { email: "lena@learner.test" });
    expect((await lena.submit(claim, {})).status).toBe(303);
    expect(
      (await ctx.database.executeSql("SELECT claimed_at FROM awards WHERE id = $1", [awardId])).rows[0]
        ?.claimed_at,
    ).toBeTruthy();
  });

  it("answers bad input with field messages, and refuses unpublished definitions", async () => {
    const { owner, slug, id } = await issuerWithDefinition(false);
    const bad = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      recipient: "not-an-address",
      evidenceUrl: "ftp://x",
      issuedOn: "2026-12-01",
      validUntil: "2026-01-01",
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("Give an email address (name@example.org) or a DID");
    expect(html).toContain("The expiry date must come after the issue date.");
    const unpublished = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      recipient: "x@example.org",
    });
    expect(unpublished.status).toBe(409);
  });

  it("awards through the API with an Idempotency-Key, to a DID, once", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    const created = await owner.submit(`/orgs/${slug}/api-keys`, {
      name: "LMS",
      scopes: ["credentials:issue"],
    });
    const key = /value="(cairn_[A-Za-z0-9_-]+)"/.exec(await created.text())?.[1] ?? "";
    const send = () =>
      ctx.app.request("/api/v1/awards", {
        method: "POST",
        body: JSON.stringify({ achievementId: id, recipient: "did:example:learner-42", notify: false }),
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "idempotency-key": "lms-award-42",
        },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const body = (await first.json()) as { award: Json; credential: Json };
    expect((body.credential.credentialSubject as Json).id).toBe("did:example:learner-42");
    const second = await send();
    expect(second.status).toBe(200);
    expect(((await second.json()) as { award: Json }).award.id).toBe(body.award.id);
    expect((await verify(body.credential)).status).toBe(200);
  });

  it("lets assessors read definitions but not award", async () => {
    const { owner, slug, id } = await issuerWithDefinition();
    await owner.submit(`/orgs/${slug}/invitations`, {
      email: `assessor-${counter}@example.org`,
      role: "assessor",
    });
    const mail = await mailTo(ctx, `assessor-${counter}@example.org`, /invited you/);
    const assessor = await signedUp(ctx.app, { email: `assessor-${counter}@example.org` });
    await assessor.submit(linkIn(mail.text, "/invitations/"), {});
    expect((await assessor.get(`/orgs/${slug}/achievements/${id}`)).status).toBe(200);
    expect(
      (await assessor.submit(`/orgs/${slug}/achievements/${id}/award`, { recipient: "x@example.org" }))
        .status,
    ).toBe(403);
  });
});
