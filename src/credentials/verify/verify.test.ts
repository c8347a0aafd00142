import { beforeAll, describe, expect, it } from "vitest";
import { bitstringStatusEntry } from "../../domain/open-badges/status-entry.ts";
import { didKeyFromPublicKey } from "../did/did-key.ts";
import { createDocumentLoader } from "../document-loader.ts";
import { generateEd25519KeyPair } from "../keys.ts";
import { signDataIntegrityReference } from "../proofs/data-integrity-reference.ts";
import { signVcJwt } from "../proofs/vc-jwt.ts";
import { createStatusBits, encodeStatusList, withStatusBit } from "../status/bitstring.ts";
import { buildStatusListCredential } from "../status/status-list-credential.ts";
import {
  createTestIssuer,
  sampleCredential,
  TEST_NOW,
  type TestIssuer,
  verifyDepsFor,
} from "../test-fixtures.ts";
import type { CheckId, JsonRecord, VerificationResult } from "./types.ts";
import { verifyCredential } from "./verify-credential.ts";

const LIST_URL = "http://localhost:3000/orgs/acme/status/1";
let issuer: TestIssuer;
let signed: JsonRecord;

async function sign(credential: JsonRecord, key = issuer.key): Promise<JsonRecord> {
  return signDataIntegrityReference(credential, {
    key,
    documentLoader: createDocumentLoader(),
    created: TEST_NOW,
  });
}

function statusOf(result: VerificationResult, id: CheckId) {
  return result.checks.find((check) => check.id === id);
}

function expectOnlyFailure(result: VerificationResult, id: CheckId, message?: RegExp) {
  expect(result.verified).toBe(false);
  expect(result.checks.map((check) => check.id)).toEqual(["format", "proof", "issuer", "validity", "status"]);
  expect(statusOf(result, id)?.status, JSON.stringify(result.checks)).toBe("failed");
  if (message) expect(statusOf(result, id)?.message).toMatch(message);
}

async function publishList(purpose: "revocation" | "suspension", index?: number) {
  const bits = index === undefined ? createStatusBits() : withStatusBit(createStatusBits(), index, true);
  const list = buildStatusListCredential({
    id: LIST_URL,
    issuer: issuer.did,
    statusPurpose: purpose,
    bits,
    validFrom: TEST_NOW,
  });
  issuer.documents.set(LIST_URL, await sign(list));
}

beforeAll(async () => {
  issuer = await createTestIssuer();
  signed = await sign(await sampleCredential(issuer.did));
});

describe("verification pipeline", () => {
  it("verifies a credential Cairn signed, every check named in order", async () => {
    const result = await verifyCredential(JSON.stringify(signed), verifyDepsFor(issuer));
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["status", "skipped"],
    ]);
    expect(result.verified).toBe(true);
    expect(result.credential).toMatchObject({
      issuer: { id: issuer.did, name: "Acme Academy" },
      achievement: { name: "Data Literacy" },
    });
  });

  it.each([
    [
      "changed subject field",
      (c: JsonRecord) => ((c.credentialSubject as JsonRecord).id = "did:example:mallory"),
    ],
    [
      "changed achievement name",
      (c: JsonRecord) => (((c.credentialSubject as JsonRecord).achievement as JsonRecord).name = "PhD"),
    ],
    ["changed validFrom", (c: JsonRecord) => (c.validFrom = "2025-01-14T09:00:00Z")],
    ["changed issuer name", (c: JsonRecord) => ((c.issuer as JsonRecord).name = "Evil Corp")],
  ])("rejects a %s at the proof check", async (_name, tamper) => {
    const copy = structuredClone(signed);
    tamper(copy);
    expectOnlyFailure(await verifyCredential(copy, verifyDepsFor(issuer)), "proof", /does not verify/);
  });

  it("rejects a changed issuer at the proof and issuer checks", async () => {
    const copy = structuredClone(signed);
    (copy.issuer as JsonRecord).id = "did:web:evil.example";
    const result = await verifyCredential(copy, verifyDepsFor(issuer));
    expectOnlyFailure(result, "proof");
    expect(statusOf(result, "issuer")?.status).toBe("failed");
  });

  it("rejects a proofValue taken from another credential", async () => {
    const other = await sign(await sampleCredential(issuer.did, { credentialId: "urn:uuid:other" }));
    const copy = structuredClone(signed);
    (copy.proof as JsonRecord).proofValue = (other.proof as JsonRecord).proofValue;
    expectOnlyFailure(await verifyCredential(copy, verifyDepsFor(issuer)), "proof");
  });

  it("rejects a key that is not in the issuer's DID document", async () => {
    const rogue = { ...(await generateEd25519KeyPair()), id: `${issuer.did}#key-9`, controller: issuer.did };
    const result = await verifyCredential(
      await sign(await sampleCredential(issuer.did), rogue),
      verifyDepsFor(issuer),
    );
    expectOnlyFailure(result, "proof", /not in the DID document/);
    const pair = await generateEd25519KeyPair();
    const did = didKeyFromPublicKey(pair.publicKeyMultibase);
    const validButForeign = await sign(await sampleCredential(issuer.did), {
      ...pair,
      id: `${did}#${pair.publicKeyMultibase}`,
      controller: did,
    });
    const foreign = await verifyCredential(validButForeign, verifyDepsFor(issuer));
    expect(statusOf(foreign, "proof")?.status).toBe("passed");
    expectOnlyFailure(foreign, "issuer", /not the issuer/);
  });

  it("rejects expired and not-yet-valid credentials against the injected clock", async () => {
    const expired = await sign(
      await sampleCredential(issuer.did, { validUntil: new Date("2025-02-01T00:00:00Z") }),
    );
    expectOnlyFailure(await verifyCredential(expired, verifyDepsFor(issuer)), "validity", /Expired/);
    const future = await sign(
      await sampleCredential(issuer.did, { validFrom: new Date("2025-04-01T00:00:00Z") }),
    );
    expectOnlyFailure(await verifyCredential(future, verifyDepsFor(issuer)), "validity", /Not yet valid/);
    const withinSkew = await sign(
      await sampleCredential(issuer.did, { validFrom: new Date(TEST_NOW.getTime() + 60_000) }),
    );
    expect((await verifyCredential(withinSkew, verifyDepsFor(issuer))).verified).toBe(true);
  });

  it("checks Bitstring status lists: clear, revoked, suspended", async () => {
    const entry = (purpose: "revocation" | "suspension") => bitstringStatusEntry(LIST_URL, 4242, purpose);
    const revocable = await sign(
      await sampleCredential(issuer.did, { credentialStatus: entry("revocation") }),
    );
    await publishList("revocation");
    const clear = await verifyCredential(revocable, verifyDepsFor(issuer));
    expect(statusOf(clear, "status")?.status).toBe("passed");
    await publishList("revocation", 4242);
    expectOnlyFailure(await verifyCredential(revocable, verifyDepsFor(issuer)), "status", /revoked/);
    const suspendable = await sign(
      await sampleCredential(issuer.did, { credentialStatus: entry("suspension") }),
    );
    await publishList("suspension", 4242);
    expectOnlyFailure(await verifyCredential(suspendable, verifyDepsFor(issuer)), "status", /suspended/);
  });

  it("rejects a status list whose own proof was tampered with", async () => {
    const revocable = await sign(
      await sampleCredential(issuer.did, { credentialStatus: bitstringStatusEntry(LIST_URL, 7) }),
    );
    await publishList("revocation");
    const list = structuredClone(issuer.documents.get(LIST_URL)) as JsonRecord;
    // Flip the bit in the published list without re-signing it: the list's proof must catch that.
    (list.credentialSubject as JsonRecord).encodedList = encodeStatusList(
      withStatusBit(createStatusBits(), 7, true),
    );
    issuer.documents.set(LIST_URL, list);
    expectOnlyFailure(await verifyCredential(revocable, verifyDepsFor(issuer)), "status", /Status list/);
  });

  it("reads 1EdTechRevocationList (here in a VC-JWT: the OB 3.0.3 context does not define the type)", async () => {
    const url = "https://issuer.example/revocations";
    const credential = {
      ...(await sampleCredential(issuer.did)),
      credentialStatus: { id: url, type: "1EdTechRevocationList" },
    };
    const jwt = await signVcJwt(credential, issuer.key);
    issuer.documents.set(url, {
      id: url,
      revokedCredentials: [{ id: credential.id, revocationReason: "mistake" }],
    });
    expectOnlyFailure(await verifyCredential(jwt, verifyDepsFor(issuer)), "status", /1EdTech/);
    issuer.documents.set(url, { id: url, revokedCredentials: ["urn:uuid:someone-else"] });
    expect((await verifyCredential(jwt, verifyDepsFor(issuer))).verified).toBe(true);
  });

  it.each([
    [
      "unknown context URL",
      () =>
        JSON.stringify({
          ...signed,
          "@context": [...(signed["@context"] as string[]), "https://evil.example/ctx"],
        }),
      /https:\/\/evil\.example\/ctx/,
    ],
    ["malformed JSON", () => '{"@context": [', /Malformed JSON/],
    ["5 MB body", () => JSON.stringify({ ...signed, padding: "x".repeat(5 * 1024 * 1024) }), /exceeds/],
    ["JSON nested 10,000 deep", () => `${"[".repeat(10_000)}${"]".repeat(10_000)}`, /nested deeper/],
    ["a JSON array", () => "[]", /JSON object/],
    ["not a credential", () => JSON.stringify({ hello: "world" }), /Not an Open Badges/],
  ])("rejects %s at the format check without throwing", async (_name, input, message) => {
    const result = await verifyCredential(input(), verifyDepsFor(issuer));
    expectOnlyFailure(result, "format", message);
    expect(result.checks.slice(1).every((check) => check.status === "skipped")).toBe(true);
  });

  it("rejects a deeply nested object passed already parsed", async () => {
    let deep: JsonRecord = {};
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expectOnlyFailure(
      await verifyCredential({ ...signed, deep }, verifyDepsFor(issuer)),
      "format",
      /nested deeper/,
    );
  });

  it("verifies VC-JWTs by kid and rejects a tampered payload", async () => {
    const jwt = await signVcJwt(await sampleCredential(issuer.did), issuer.key);
    expect((await verifyCredential(jwt, verifyDepsFor(issuer))).verified).toBe(true);
    const [header, payload, signature] = jwt.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    claims.credentialSubject.id = "did:example:mallory";
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    expectOnlyFailure(await verifyCredential(forged, verifyDepsFor(issuer)), "proof", /signature/);
  });

  it("verifies presentations credential by credential", async () => {
    const tampered = structuredClone(signed);
    (tampered.credentialSubject as JsonRecord).id = "did:example:mallory";
    const presentation = (items: unknown[]) => ({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      verifiableCredential: items,
    });
    const jwt = await signVcJwt(await sampleCredential(issuer.did), issuer.key);
    const good = await verifyCredential(presentation([signed, jwt]), verifyDepsFor(issuer));
    expect(good.verified).toBe(true);
    expect(good.credentials).toHaveLength(2);
    const bad = await verifyCredential(presentation([signed, tampered]), verifyDepsFor(issuer));
    expect(bad.verified).toBe(false);
    expect(bad.credentials?.map((result) => result.verified)).toEqual([true, false]);
  });

  it("never throws, whatever the input", async () => {
    for (const input of [
      undefined,
      null,
      42,
      "",
      "a.b.c",
      new Uint8Array([1, 2, 3]),
      { type: ["VerifiablePresentation"] },
    ]) {
      const result = await verifyCredential(input, verifyDepsFor(issuer));
      expect(result.verified).toBe(false);
    }
  });
});
