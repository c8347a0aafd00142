import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardCompletedPathways } from "../src/app/pathways/award-pathways.ts";
import { sweepExpiredComponents } from "../src/app/pathways/lapse-policy.ts";
import { hashedEmailIdentity } from "../src/domain/open-badges/identity-hash.ts";
import { eventually, linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
type Json = Record<string, unknown>;
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;
const postJson = async (path: string, body: unknown) =>
  (await (
    await ctx.app.request(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    })
  ).json()) as { verified: boolean; checks: { id: string; status: string; message: string }[] };
const definition = (name: string, ects: string, statusPurpose = "revocation") => ({
  statusPurpose,
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
  const define = async (title: string, ects = "2", publish = true, statusPurpose = "revocation") => {
    const id =
      (await owner.submit(`/orgs/${slug}/achievements`, definition(title, ects, statusPurpose))).headers
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
    // It counts another organization's credential: nothing is awarded until the learner follows the pathway.
    expect(page).toContain("Follow this pathway");
    expect(
      await awardCompletedPathways(
        ctx.deps,
        String((await sql("SELECT id FROM users WHERE email = $1", [address]))[0]?.id),
      ),
    ).toEqual([]);
    expect((await learner.submit(`/pathways/${certificate}/follow`, {})).status).toBe(303);
    await eventually(async () => {
      const rows = await sql("SELECT award_id FROM pathway_awards WHERE pathway_id = $1", [certificate]);
      return rows.length ? rows : undefined;
    });

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

  it("awards the stacked credential once on completion, with its components as evidence, a CLR that verifies, and suspends it when a component is revoked", async () => {
    const college = await organization("Lighthouse College");
    const charts = await college.define("Chart Work");
    const tides = await college.define("Tides and Currents");
    const skipper = await college.define("Coastal Skipper", "4", true, "suspension");
    const url = (id: string) => `${ctx.publicUrl}/achievements/${id}`;
    const saved = await college.owner.submit(`/orgs/${college.slug}/achievements/${skipper}/pathway`, {
      rootRule: "all",
      g0Rule: "all",
      g0c0Achievement: url(charts),
      g0c1Achievement: url(tides),
      policy: "suspend",
    });
    expect(saved.status).toBe(303);
    const address = `skipper-${counter}@learner.test`;
    const learner = await signedUp(ctx.app, { email: address, name: "Sam Skipper" });
    await college.award(charts, address);
    await learner.submit(linkIn((await mailTo(ctx, address, /Chart Work/)).text, "/claim/"), {});
    const tidesAward = await college.award(tides, address);

    // The award completes the pathway of a learner who proved the address: a job awards the stacked credential.
    const [row] = await eventually(async () => {
      const rows = await sql(
        "SELECT award_id, component_credential_ids FROM pathway_awards WHERE pathway_id = $1",
        [skipper],
      );
      return rows.length ? rows : undefined;
    });
    const [userRow] = await sql("SELECT id FROM users WHERE email = $1", [address]);
    expect(await awardCompletedPathways(ctx.deps, String(userRow?.id))).toEqual([]);
    expect(await sql("SELECT id FROM awards WHERE achievement_id = $1", [skipper])).toHaveLength(1);
    const [stacked] = await sql(
      "SELECT c.document FROM awards a JOIN issued_credentials c ON c.id = a.credential_id WHERE a.id = $1",
      [row?.award_id],
    );
    const document = stacked?.document as Json;
    const evidence = document.evidence as { id: string; name: string }[];
    expect(evidence.map((e) => e.name).sort()).toEqual(["Chart Work", "Tides and Currents"]);
    expect(evidence.map((e) => e.id).sort()).toEqual(
      [...((row?.component_credential_ids ?? []) as string[])].sort(),
    );
    expect((await postJson("/credentials/verify", { verifiableCredential: document })).verified).toBe(true);
    const achievement = (document.credentialSubject as { achievement: { alignment: Json[] } }).achievement;
    expect(
      achievement.alignment.filter((a) => a.targetType === "ceterms:Credential").map((a) => a.targetUrl),
    ).toEqual([url(charts), url(tides)]);

    const page = await (await learner.get(`/pathways/${skipper}`)).text();
    expect(page).toContain("Coastal Skipper was awarded to you");
    const publicPage = await (await ctx.app.request(`/achievements/${skipper}`)).text();
    expect(publicPage).toContain("Stacks from");
    expect(publicPage).toContain(`<a href="${url(tides)}">Tides and Currents</a>`);
    const clrResponse = await learner.get(`/pathways/${skipper}/clr.json`);
    expect(clrResponse.status).toBe(200);
    const clr = (await clrResponse.json()) as Json;
    const subject = clr.credentialSubject as {
      verifiableCredential: unknown[];
      association: { associationType: string }[];
    };
    expect(subject.verifiableCredential).toHaveLength(3);
    expect(subject.association.filter((a) => a.associationType === "isPartOf")).toHaveLength(2);
    const report = await postJson("/credentials/verify", { verifiableCredential: clr });
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.checks.find((c) => c.id === "nested")?.message).toBe(
      "All 3 nested credential(s) verified.",
    );

    await college.owner.submit(`/orgs/${college.slug}/awards/${tidesAward}/status`, {
      action: "revoke",
      reason: "Assessment voided",
    });
    await eventually(async () => {
      const [award] = await sql("SELECT status FROM awards WHERE id = $1", [row?.award_id]);
      return award?.status === "suspended" ? award : undefined;
    });
  });

  it("counts an imported credential that verifies toward a pathway through a recognition, and flags the stacked credential when it lapses", async () => {
    const school = await organization("Radar School");
    const basics = await school.define("Radar Basics");
    const plotting = await school.define("Radar Plotting");
    const observer = await school.define("Radar Observer", "3");
    const url = (id: string) => `${ctx.publicUrl}/achievements/${id}`;
    await school.owner.submit(`/orgs/${school.slug}/achievements/${observer}/pathway`, {
      rootRule: "all",
      g0Rule: "all",
      g0c0Achievement: url(basics),
      g0c1Achievement: url(plotting),
      policy: "flag",
    });
    const address = `observer-${counter}@learner.test`;
    // Another issuer's credential, naming the learner, signed by a did:key the test controls, imported by the learner.
    const pair = await ctx.deps.credentials.newKeyPair();
    const did = ctx.deps.credentials.didKey(pair.publicKeyMultibase);
    const external = "https://academy.example/achievements/arpa";
    const signed = await ctx.deps.credentials.sign(
      {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        id: "urn:uuid:5b0a8f62-3f7e-4d55-9d64-7b8c4a0e1f21",
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        issuer: { id: did, type: ["Profile"], name: "Maritime Academy" },
        validFrom: "2026-01-10T00:00:00Z",
        name: "ARPA Plotting",
        credentialSubject: {
          type: ["AchievementSubject"],
          identifier: [await hashedEmailIdentity(address, "sea-salt")],
          achievement: {
            id: external,
            type: ["Achievement"],
            name: "ARPA Plotting",
            description: "Plots radar targets.",
            criteria: { narrative: "Pass the simulator." },
          },
        },
      },
      { id: `${did}#${pair.publicKeyMultibase}`, controller: did, ...pair },
      "ldp",
      new Date(),
    );
    const learner = await signedUp(ctx.app, { email: address });
    await school.award(basics, address);
    await learner.submit(linkIn((await mailTo(ctx, address, /Radar Basics/)).text, "/claim/"), {});
    await learner.get("/wallet/import");
    expect((await learner.submit("/wallet/import", { pasted: JSON.stringify(signed) })).status).toBe(303);
    expect(await (await learner.get(`/pathways/${observer}`)).text()).toContain("1 held, 1 to go.");

    const recognized = await school.owner.submit(
      `/orgs/${school.slug}/achievements/${observer}/pathway/recognitions`,
      {
        externalAchievementId: external,
        externalIssuer: did,
        ownAchievementId: plotting,
      },
    );
    expect(recognized.status).toBe(303);
    expect(
      await (await school.owner.get(`/orgs/${school.slug}/achievements/${observer}/pathway`)).text(),
    ).toContain(external);
    expect(await (await learner.get(`/pathways/${observer}`)).text()).toContain("Complete");
    const [row] = await eventually(async () => {
      const rows = await sql("SELECT award_id FROM pathway_awards WHERE pathway_id = $1", [observer]);
      return rows.length ? rows : undefined;
    });
    const [basicsAward] = await sql("SELECT id FROM awards WHERE achievement_id = $1", [basics]);
    await school.owner.submit(`/orgs/${school.slug}/awards/${basicsAward?.id}/status`, {
      action: "revoke",
      reason: "Issued in error",
    });
    await eventually(async () => {
      const [flag] = await sql("SELECT flag_reason FROM pathway_awards WHERE award_id = $1", [row?.award_id]);
      return flag?.flag_reason ? flag : undefined;
    });
    const [stackedAward] = await sql("SELECT status FROM awards WHERE id = $1", [row?.award_id]);
    expect(stackedAward?.status).toBe("active");
    const detail = await (await school.owner.get(`/orgs/${school.slug}/awards/${row?.award_id}`)).text();
    expect(detail).toContain("Flagged for your review");
  });

  it("applies the policy when a component expires: the hourly sweep flags the stacked credential", async () => {
    const school = await organization("Expiry School");
    const first = await school.define("First Aid at Sea");
    const badge = await school.define("Sea Survival", "1");
    await school.owner.submit(`/orgs/${school.slug}/achievements/${badge}/pathway`, {
      rootRule: "all",
      g0Rule: "all",
      g0c0Achievement: `${ctx.publicUrl}/achievements/${first}`,
      policy: "flag",
    });
    const address = `expiry-${counter}@learner.test`;
    const learner = await signedUp(ctx.app, { email: address });
    const validUntil = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const response = await school.owner.submit(`/orgs/${school.slug}/achievements/${first}/award`, {
      nonce: `expiry-${counter}`,
      recipient: address,
      validUntil: validUntil.toISOString().slice(0, 10),
      notify: "yes",
    });
    expect(response.status).toBe(303);
    await learner.submit(linkIn((await mailTo(ctx, address, /First Aid at Sea/)).text, "/claim/"), {});
    const [row] = await eventually(async () => {
      const rows = await sql("SELECT award_id FROM pathway_awards WHERE pathway_id = $1", [badge]);
      return rows.length ? rows : undefined;
    });
    const [component] = await sql("SELECT valid_until FROM awards WHERE achievement_id = $1", [first]);
    const justAfter = new Date(new Date(String(component?.valid_until)).getTime() + 30 * 60 * 1000);
    await sweepExpiredComponents({ ...ctx.deps, clock: () => justAfter });
    const [flag] = await sql("SELECT flag_reason FROM pathway_awards WHERE award_id = $1", [row?.award_id]);
    expect(flag?.flag_reason).toContain("expired");
  });
});
