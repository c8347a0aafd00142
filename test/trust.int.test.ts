import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentLoader } from "../src/credentials/document-loader.ts";
import { signDataIntegrityReference } from "../src/credentials/proofs/data-integrity-reference.ts";
import { DAY } from "../src/domain/rules.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";
import { hasInterop, readInteropJson } from "./interop.ts";

type Json = Record<string, unknown>;
let ctx: TestContext;
let now = new Date();
let admin: BrowserClient;
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => now });
  // The first account on an empty install is the platform admin.
  admin = await signedUp(ctx.app, { email: "admin@trust.test" });
});
afterAll(() => ctx.close());

let counter = 0;
const idFrom = (response: Response) => response.headers.get("location")?.split("/").at(-1) ?? "";

/** An issuer with one published micro-credential, and an accreditation body its admin granted. */
async function issuerAndAccreditor() {
  const n = ++counter;
  const issuerOwner = await signedUp(ctx.app, { email: `issuer-${n}@trust.test` });
  const issuer = `trusty-${n}`;
  await issuerOwner.submit("/orgs", { name: `Trusty College ${n}`, slug: issuer });
  const achievement = idFrom(
    await issuerOwner.submit(`/orgs/${issuer}/achievements`, {
      name: "Safe Lifting",
      description: "Lifts loads safely.",
      criteria: "Passes the practical lifting test.",
      learningOutcomes: "Plan a lift",
      workloadHours: "8",
      assessmentType: "practical",
      participationForm: "onsite",
      qualityAssurance: "Assessed by two certified instructors; annual external review.",
    }),
  );
  await issuerOwner.submit(`/orgs/${issuer}/achievements/${achievement}/publish`, {});
  const reviewer = await signedUp(ctx.app, { email: `reviewer-${n}@trust.test` });
  const body = `qa-body-${n}`;
  await reviewer.submit("/orgs", { name: `Quality Agency ${n}`, slug: body });
  return { issuerOwner, issuer, achievement, reviewer, body };
}

async function award(owner: BrowserClient, slug: string, achievement: string, nonce: string) {
  const id = idFrom(
    await owner.submit(`/orgs/${slug}/achievements/${achievement}/award`, {
      nonce,
      recipient: `${nonce}@learner.test`,
      recipientName: "Lee Learner",
      notify: "no",
    }),
  );
  const page = await (await owner.get(`/orgs/${slug}/awards/${id}`)).text();
  const credentialId = /urn:uuid:[0-9a-f-]{36}/.exec(page)?.[0] ?? "";
  const stored = await ctx.deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    return r.issuedCredentials.find(organization?.id ?? "", credentialId);
  });
  return stored?.document as Json;
}

const grant = (review: {
  reviewer: BrowserClient;
  body: string;
  issuer: string;
  achievementId?: string;
  met?: string[];
  validUntil?: string;
}) =>
  review.reviewer.submit(`/orgs/${review.body}/accreditations`, {
    issuer: review.issuer,
    achievementId: review.achievementId ?? "",
    criteria: ["Learning outcomes are assessed", "Quality assurance is documented"],
    met: review.met ?? ["0", "1"],
    comment: "Reviewed the programme documents and observed two assessments; all criteria are met.",
    validUntil: review.validUntil ?? new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
  });

async function verifyPage(credential: Json | string) {
  const visitor = browserClient(ctx.app);
  await visitor.get("/verify");
  return (
    await visitor.submit("/verify", {
      text: typeof credential === "string" ? credential : JSON.stringify(credential),
      url: "",
    })
  ).text();
}

async function verifyApi(credential: Json) {
  const response = await browserClient(ctx.app).json("/credentials/verify", "POST", {
    verifiableCredential: credential,
  });
  return (await response.json()) as {
    verified: boolean;
    checks: { id: string; status: string; message: string }[];
  };
}

describe("accreditation and the issuer trust check", () => {
  it("lets only a platform admin grant the accreditor role, and only accreditors accredit", async () => {
    const { reviewer, body, issuer } = await issuerAndAccreditor();
    expect((await grant({ reviewer, body, issuer })).status).toBe(403);
    const refused = await reviewer.submit(`/admin/organizations/${body}/accreditor`, { accreditor: "yes" });
    expect(refused.status).toBe(403);
    expect(
      (await admin.submit(`/admin/organizations/${body}/accreditor`, { accreditor: "yes" })).status,
    ).toBe(303);
    expect(await (await admin.get("/admin/organizations")).text()).toContain("End the role");
    const desk = await (await reviewer.get(`/orgs/${body}/accreditations?issuer=${issuer}`)).text();
    expect(desk).toContain("Assessed by two certified instructors");
    const unmet = await grant({ reviewer, body, issuer, met: ["0"] });
    expect(unmet.status).toBe(422);
    expect(await unmet.text()).toContain("not met: Quality assurance is documented");
    const past = await grant({ reviewer, body, issuer, validUntil: "2001-01-01" });
    expect(await past.text()).toContain("Choose a date after today");
    const self = await grant({ reviewer, body, issuer: body });
    expect(self.status).toBe(422);
    // A blank line between criteria does not shift which ones were ticked.
    const gap = await reviewer.submit(`/orgs/${body}/accreditations`, {
      issuer,
      achievementId: "",
      criteria: ["Outcomes assessed", "", "Assessors trained"],
      met: ["0", "1"],
      comment: "Reviewed the programme documents; one criterion is not met.",
      validUntil: new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
    });
    expect(gap.status).toBe(422);
    expect(await gap.text()).toContain("not met: Assessors trained");
    // A malformed id in an address is "not found", not a server error.
    expect((await browserClient(ctx.app).get("/accreditations/not-a-uuid/credential.json")).status).toBe(404);
  });

  it("signs an EndorsementCredential that verifies, embeds it in the issuer's badges, and marks them accredited until it ends", async () => {
    const { issuerOwner, issuer, achievement, reviewer, body } = await issuerAndAccreditor();
    await admin.submit(`/admin/organizations/${body}/accreditor`, { accreditor: "yes" });
    const before = await award(issuerOwner, issuer, achievement, `before-${counter}`);
    expect(await verifyPage(before)).toContain("Registered issuer:");

    expect((await grant({ reviewer, body, issuer })).status).toBe(303);
    const registry = await (await browserClient(ctx.app).get(`/issuers?accredited=yes&q=${issuer}`)).text();
    expect(registry).toContain(`Trusty College ${counter}`);
    expect(registry).toContain(`Accredited by`);
    const issuerPage = await (await browserClient(ctx.app).get(`/issuers/${issuer}`)).text();
    const accreditationId = /\/accreditations\/([0-9a-f-]{36})\/credential\.json/.exec(issuerPage)?.[1] ?? "";
    const endorsement = (await (
      await browserClient(ctx.app).get(`/accreditations/${accreditationId}/credential.json`)
    ).json()) as Json;
    expect(endorsement.type).toEqual(["VerifiableCredential", "EndorsementCredential"]);
    expect(endorsement.credentialSubject).toMatchObject({
      id: ctx.deps.credentials.organizationDid(issuer),
      type: ["EndorsementSubject"],
    });
    expect((endorsement.issuer as Json).id).toBe(ctx.deps.credentials.organizationDid(body));
    expect((await verifyApi(endorsement)).verified).toBe(true);

    const after = await award(issuerOwner, issuer, achievement, `after-${counter}`);
    expect((after.issuer as Json).endorsement).toEqual([endorsement]);
    if (hasInterop) {
      const ajv = new Ajv2019.default({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(readInteropJson("schemas", "ob_v3p0_achievementcredential_schema.json"));
      expect(validate(after), JSON.stringify(validate.errors)).toBe(true);
    }
    const report = await verifyApi(after);
    expect(report.verified).toBe(true);
    expect(report.checks.find((c) => c.id === "trust")).toMatchObject({ status: "passed" });
    expect(report.checks.find((c) => c.id === "trust")?.message).toContain(
      `accredited by Quality Agency ${counter}`,
    );
    const page = await verifyPage(after);
    expect(page).toContain("Accredited issuer:");
    // A credential issued before the accreditation is from an accredited issuer now too: trust is the registry's.
    expect(await verifyPage(before)).toContain("Accredited issuer:");

    const saved = now;
    now = new Date(now.getTime() + 400 * DAY);
    try {
      const lapsed = (await verifyApi(before)).checks.find((c) => c.id === "trust");
      expect(lapsed?.status).toBe("passed");
      expect(lapsed?.message).toContain("not accredited");
      expect(lapsed?.message).toContain(`accreditation by Quality Agency ${counter} expired`);
    } finally {
      now = saved;
    }
  });

  it("accredits one micro-credential, and withdrawing revokes the endorsement", async () => {
    const { issuerOwner, issuer, achievement, reviewer, body } = await issuerAndAccreditor();
    await admin.submit(`/admin/organizations/${body}/accreditor`, { accreditor: "yes" });
    await grant({ reviewer, body, issuer, achievementId: achievement });
    const credential = await award(issuerOwner, issuer, achievement, `one-${counter}`);
    const embedded = ((credential.credentialSubject as Json).achievement as Json).endorsement as Json[];
    expect(embedded).toHaveLength(1);
    expect((credential.issuer as Json).endorsement).toBeUndefined();
    expect((await verifyApi(credential)).checks.find((c) => c.id === "trust")?.message).toContain(
      "(this micro-credential)",
    );

    const desk = await (await reviewer.get(`/orgs/${body}/accreditations`)).text();
    const id = /\/accreditations\/([0-9a-f-]{36})\/withdraw/.exec(desk)?.[1] ?? "";
    const noReason = await reviewer.submit(`/orgs/${body}/accreditations/${id}/withdraw`, { reason: "" });
    expect(noReason.status).toBe(422);
    expect(
      (await reviewer.submit(`/orgs/${body}/accreditations/${id}/withdraw`, { reason: "Assessors left" }))
        .status,
    ).toBe(303);
    const trust = (await verifyApi(credential)).checks.find((c) => c.id === "trust");
    expect(trust?.message).toContain("not accredited");
    expect(trust?.message).toContain("was withdrawn");
    // The embedded endorsement is itself revoked, so anyone checking it sees the withdrawal.
    const endorsementReport = await verifyApi(embedded[0] as Json);
    await expect
      .poll(
        async () => (await verifyApi(embedded[0] as Json)).checks.find((c) => c.id === "status")?.status,
        {
          timeout: 15_000,
        },
      )
      .toBe("failed");
    expect(endorsementReport.checks.find((c) => c.id === "proof")?.status).toBe("passed");
    // The organization's own page says so too.
    expect(await (await browserClient(ctx.app).get(`/issuers/${issuer}`)).text()).toContain("Withdrawn");

    // When the platform admin ends the body's role, what it still accredits is withdrawn with it.
    await grant({ reviewer, body, issuer });
    expect((await verifyApi(credential)).checks.find((c) => c.id === "trust")?.message).toContain(
      "accredited by",
    );
    await admin.submit(`/admin/organizations/${body}/accreditor`, { accreditor: "no" });
    const ended = (await verifyApi(credential)).checks.find((c) => c.id === "trust")?.message;
    expect(ended).toContain("not accredited");
    expect(await (await browserClient(ctx.app).get(`/issuers/${issuer}`)).text()).toContain(
      "The accreditation body&#39;s role ended.",
    );
  });

  it("flags an issuer that imitates a registered one's name under another DID, and marks others unknown", async () => {
    const { issuer } = await issuerAndAccreditor();
    const pair = await ctx.deps.credentials.newKeyPair();
    const did = ctx.deps.credentials.didKey(pair.publicKeyMultibase);
    const key = { ...pair, id: `${did}#${pair.publicKeyMultibase}`, controller: did };
    const sign = (name: string) =>
      ctx.deps.credentials.sign(
        {
          "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
          ],
          id: `urn:uuid:${ctx.deps.newId()}`,
          type: ["VerifiableCredential", "OpenBadgeCredential"],
          issuer: { id: did, type: ["Profile"], name },
          validFrom: `${now.toISOString().slice(0, 19)}Z`,
          name: "Safe Lifting",
          credentialSubject: {
            type: ["AchievementSubject"],
            id: "did:example:learner",
            achievement: {
              id: "https://fake.example/achievements/1",
              type: ["Achievement"],
              name: "Safe Lifting",
              description: "Lifts loads safely.",
              criteria: { narrative: "Passes the test." },
            },
          },
        },
        key,
        "ldp",
        now,
      );
    const impostor = (await sign(`Trusty Co11ege ${counter}`)) as Json;
    const report = await verifyApi(impostor);
    expect(report.checks.find((c) => c.id === "proof")?.status).toBe("passed");
    expect(report.checks.find((c) => c.id === "trust")).toMatchObject({ status: "failed" });
    expect(report.verified).toBe(false);
    const page = await verifyPage(impostor);
    expect(page).toContain("Possible impostor:");
    expect(page).toContain(`Trusty College ${counter}`);
    expect(page).toContain(ctx.deps.credentials.organizationDid(issuer));

    // Signed by the reference implementation (@digitalbazaar/vc), not by Cairn: an unknown issuer, but verified.
    const { proof: _, ...unsigned } = impostor;
    const stranger = await signDataIntegrityReference(
      { ...unsigned, issuer: { id: did, type: ["Profile"], name: "Completely Different Institute" } },
      {
        key,
        documentLoader: createDocumentLoader(),
        created: now,
      },
    );
    const unknown = await verifyApi(stranger);
    expect(unknown.verified).toBe(true);
    expect(unknown.checks.find((c) => c.id === "trust")).toMatchObject({ status: "skipped" });
    expect(await verifyPage(stranger)).toContain("Unknown issuer:");

    // A learner who imports the impostor's credential keeps it, flagged; it never counts for employers.
    const holder = await signedUp(ctx.app, { email: `holder-${counter}@trust.test` });
    const imported = await holder.upload(
      "/wallet/import",
      "file",
      new File([JSON.stringify(impostor)], "badge.json", { type: "application/json" }),
    );
    expect(imported.status).toBe(303);
    const held = await (await holder.get(imported.headers.get("location") ?? "")).text();
    expect(held).toContain("imitates");
    // Carried inside the learner's own CLR (signed by their DID), it fails the record as a whole.
    const record = (await (await holder.get("/account/did/clr.json")).json()) as Json;
    const recordReport = await verifyApi(record);
    expect(recordReport.checks.find((c) => c.id === "proof")?.status).toBe("passed");
    expect(recordReport.checks.find((c) => c.id === "nested")?.status).toBe("failed");
    expect(recordReport.verified).toBe(false);

    // An organization registered here later under a look-alike of an earlier one's name is flagged too.
    now = new Date(now.getTime() + 60_000);
    const copycat = await signedUp(ctx.app, { email: `copycat-${counter}@trust.test` });
    const copy = `copycat-${counter}`;
    await copycat.submit("/orgs", { name: `Trusty Co11ege ${counter}`, slug: copy });
    const copied = idFrom(
      await copycat.submit(`/orgs/${copy}/achievements`, {
        name: "Safe Lifting",
        description: "Lifts loads safely.",
        criteria: "Passes the test.",
        learningOutcomes: "Plan a lift",
        workloadHours: "8",
        assessmentType: "practical",
        participationForm: "onsite",
        qualityAssurance: "None.",
      }),
    );
    await copycat.submit(`/orgs/${copy}/achievements/${copied}/publish`, {});
    const lookalike = await verifyApi(await award(copycat, copy, copied, `copy-${counter}`));
    expect(lookalike.checks.find((c) => c.id === "trust")).toMatchObject({ status: "failed" });
    expect(lookalike.verified).toBe(false);

    const tampered = { ...impostor, name: "Changed" };
    const broken = await verifyApi(tampered);
    expect(broken.checks.find((c) => c.id === "trust")?.status).toBe("skipped");
  });
});
