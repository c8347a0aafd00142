import { beforeAll, describe, expect, it } from "vitest";
import { CLR_V2_CONTEXT, CREDENTIALS_V2_CONTEXT, OB_V3_CONTEXT } from "../contexts.ts";
import { didKeyFromPublicKey } from "../did/did-key.ts";
import { createDidResolver } from "../did/resolver.ts";
import { createDocumentLoader } from "../document-loader.ts";
import { generateEd25519KeyPair, type SigningKey } from "../keys.ts";
import { signDataIntegrityReference } from "../proofs/data-integrity-reference.ts";
import { signVcJwt } from "../proofs/vc-jwt.ts";
import { sampleAward, sampleCredential, TEST_NOW } from "../test-fixtures.ts";
import type { CheckId, JsonRecord, VerificationResult, VerifyDeps } from "./types.ts";
import { verifyCredential } from "./verify-credential.ts";
import { MAX_NESTED_CREDENTIALS } from "./verify-nested.ts";

// A CLR as Stacking builds one: two Open Badges signed by their own did:key issuers, carried in a
// ClrCredential signed by a third did:key. Everything resolves offline.

const deps = (overrides: Partial<VerifyDeps> = {}): VerifyDeps => ({
  now: () => TEST_NOW,
  didResolver: createDidResolver(),
  ...overrides,
});

async function didKeyIssuer(): Promise<SigningKey> {
  const pair = await generateEd25519KeyPair();
  const did = didKeyFromPublicKey(pair.publicKeyMultibase);
  return { ...pair, id: `${did}#${pair.publicKeyMultibase}`, controller: did };
}

function sign(document: JsonRecord, key: SigningKey): Promise<JsonRecord> {
  return signDataIntegrityReference(document, {
    key,
    documentLoader: createDocumentLoader(),
    created: TEST_NOW,
  });
}

async function badge(key: SigningKey, name: string, id: string): Promise<JsonRecord> {
  const award = sampleAward(key.controller);
  return sampleCredential(key.controller, {
    credentialId: id,
    issuer: { ...award.issuer, id: key.controller, name: `${name} School` },
    achievement: { ...award.achievement, id: `https://example.org/achievements/${id}`, name },
  });
}

function clr(
  key: SigningKey,
  nested: unknown[],
  id = "urn:uuid:6a0c1a0e-0b6f-4a57-9a44-9f0d1f3c2b10",
): JsonRecord {
  return {
    "@context": [CREDENTIALS_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT],
    id,
    type: ["VerifiableCredential", "ClrCredential"],
    issuer: { id: key.controller, type: ["Profile"], name: "Lena Learner" },
    name: "Lena's learner record",
    validFrom: "2025-02-01T00:00:00Z",
    credentialSubject: { id: key.controller, type: ["ClrSubject"], verifiableCredential: nested },
  };
}

const checkOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id);
const statuses = (result: VerificationResult) => result.checks.map((check) => [check.id, check.status]);

let issuers: SigningKey[];
let learner: SigningKey;
let badges: JsonRecord[];

beforeAll(async () => {
  issuers = [await didKeyIssuer(), await didKeyIssuer()];
  learner = await didKeyIssuer();
  badges = [
    await sign(
      await badge(issuers[0] as SigningKey, "Data Literacy", "urn:uuid:badge-1"),
      issuers[0] as SigningKey,
    ),
    await sign(
      await badge(issuers[1] as SigningKey, "Statistics", "urn:uuid:badge-2"),
      issuers[1] as SigningKey,
    ),
  ];
});

describe("verifying a CLR 2.0", () => {
  it("checks the CLR's proof, then each nested credential against its own issuer", async () => {
    const result = await verifyCredential(await sign(clr(learner, badges), learner), deps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
    expect(statuses(result)).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["status", "skipped"],
      ["nested", "passed"],
    ]);
    expect(checkOf(result, "format")?.message).toBe("CLR 2.0 credential (JSON-LD).");
    expect(checkOf(result, "nested")?.message).toBe("All 2 nested credential(s) verified.");
    expect(result.credentials?.map((nested) => [nested.verified, nested.credential?.name])).toEqual([
      [true, "Data Literacy"],
      [true, "Statistics"],
    ]);
    expect(result.credentials?.[1]?.credential?.issuer.id).toBe(issuers[1]?.controller);
  });

  it("fails a tampered nested credential by name, while the re-signed CLR's own proof holds", async () => {
    const tampered = structuredClone(badges);
    (tampered[1] as JsonRecord).name = "Advanced Statistics";
    const result = await verifyCredential(await sign(clr(learner, tampered), learner), deps());
    expect(result.verified).toBe(false);
    expect(checkOf(result, "proof")?.status).toBe("passed");
    expect(checkOf(result, "issuer")?.status).toBe("passed");
    expect(checkOf(result, "nested")?.status).toBe("failed");
    expect(checkOf(result, "nested")?.message).toMatch(
      /^1 of 2 nested credential\(s\) failed: Advanced Statistics: The eddsa-rdfc-2022 proof by did:key:\S+ does not verify/,
    );
    expect(result.credentials?.map((nested) => nested.verified)).toEqual([true, false]);
    expect(checkOf(result.credentials?.[1] as VerificationResult, "proof")?.status).toBe("failed");
  });

  it("fails the CLR's own proof when a nested credential changes after the CLR was signed", async () => {
    const signed = await sign(clr(learner, badges), learner);
    const copy = structuredClone(signed);
    ((copy.credentialSubject as JsonRecord).verifiableCredential as JsonRecord[])[0] = { ...badges[1] };
    const result = await verifyCredential(copy, deps());
    expect(checkOf(result, "proof")?.status).toBe("failed");
    expect(checkOf(result, "nested")?.status).toBe("passed");
    expect(result.verified).toBe(false);
  });

  it("skips the nested check for a CLR that carries no credential", async () => {
    const result = await verifyCredential(await sign(clr(learner, []), learner), deps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
    expect(checkOf(result, "nested")).toEqual({
      id: "nested",
      status: "skipped",
      message: "The record carries no nested credential.",
    });
    expect(result.credentials).toEqual([]);
  });

  it("verifies VC-JWT strings and EnvelopedVerifiableCredential objects among the nested credentials", async () => {
    const jwt = await signVcJwt(
      await badge(issuers[0] as SigningKey, "Cartography", "urn:uuid:jwt-1"),
      issuers[0] as SigningKey,
    );
    const forged = `${jwt.slice(0, jwt.lastIndexOf(".") + 1)}${"A".repeat(86)}`;
    const enveloped = (token: string) => ({
      "@context": CREDENTIALS_V2_CONTEXT,
      id: `data:application/vc+jwt,${token}`,
      type: "EnvelopedVerifiableCredential",
    });
    const result = await verifyCredential(
      clr(learner, [
        badges[0],
        jwt,
        enveloped(jwt),
        enveloped(forged),
        { ...enveloped(jwt), id: "data:text/plain,hi" },
        42,
      ]),
      deps(),
    );
    expect(result.credentials?.map((nested) => nested.verified)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(result.credentials?.[1]?.credential).toMatchObject({ format: "jwt", name: "Cartography" });
    expect(checkOf(result.credentials?.[3] as VerificationResult, "proof")?.message).toMatch(/signature/);
    expect(checkOf(result.credentials?.[4] as VerificationResult, "format")?.message).toMatch(
      /unsupported kind/,
    );
    expect(checkOf(result.credentials?.[5] as VerificationResult, "format")?.message).toMatch(
      /Not a credential/,
    );
    expect(checkOf(result, "nested")?.message).toMatch(
      /^3 of 6 nested credential\(s\) failed: Cartography: /,
    );
  });

  it("accepts a CLR as VC-JWT (format message says so) and verifies its nested JSON-LD credentials", async () => {
    const result = await verifyCredential(await signVcJwt(clr(learner, badges), learner), deps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
    expect(checkOf(result, "format")?.message).toBe("CLR 2.0 credential (VC-JWT).");
    expect(result.credentials).toHaveLength(2);
  });

  it("verifies a CLR inside a CLR, but nothing nested deeper than two levels", async () => {
    const inner = await sign(clr(learner, badges, "urn:uuid:inner"), learner);
    const middle = await sign(clr(learner, [inner], "urn:uuid:middle"), learner);
    const twoLevels = await verifyCredential(middle, deps());
    expect(twoLevels.verified, JSON.stringify(twoLevels)).toBe(true);
    expect(twoLevels.credentials?.[0]?.credentials).toHaveLength(2);

    const outer = await sign(clr(learner, [middle], "urn:uuid:outer"), learner);
    const threeLevels = await verifyCredential(outer, deps());
    expect(threeLevels.verified).toBe(false);
    const middleResult = threeLevels.credentials?.[0] as VerificationResult;
    expect(checkOf(middleResult, "proof")?.status).toBe("passed");
    expect(checkOf(middleResult, "nested")?.message).toBe(
      "1 of 1 nested credential(s) failed: Lena's learner record: Credentials nested more than 2 levels deep are not verified.",
    );
    const innerResult = middleResult.credentials?.[0] as VerificationResult;
    expect(checkOf(innerResult, "nested")).toEqual({
      id: "nested",
      status: "failed",
      message: "Credentials nested more than 2 levels deep are not verified.",
    });
    expect(checkOf(threeLevels, "nested")?.message).toMatch(/^1 of 1 nested credential\(s\) failed: /);
  });

  it(`verifies at most ${MAX_NESTED_CREDENTIALS} nested credentials, without starting on more`, async () => {
    const many = Array.from({ length: MAX_NESTED_CREDENTIALS + 1 }, () => badges[0]);
    const result = await verifyCredential(clr(learner, many), deps());
    expect(checkOf(result, "nested")).toEqual({
      id: "nested",
      status: "failed",
      message: `The record carries ${MAX_NESTED_CREDENTIALS + 1} nested credential(s); at most ${MAX_NESTED_CREDENTIALS} are verified in all.`,
    });
    expect(result.credentials).toEqual([]);
  });

  it("reports a malformed CLR at the format check and does not open its nested credentials", async () => {
    const { validFrom: _validFrom, ...malformed } = clr(learner, badges);
    const result = await verifyCredential(malformed, deps());
    expect(checkOf(result, "format")?.message).toMatch(
      /^Not a valid CLR 2\.0 credential: .*validFrom is required/,
    );
    expect(checkOf(result, "nested")).toEqual({
      id: "nested",
      status: "skipped",
      message: "Not checked: the credential is malformed.",
    });
    expect(result.credentials).toBeUndefined();
  });

  it("gives no nested check to a credential that is not a CLR, even one carrying credentials", async () => {
    const credential = await badge(issuers[0] as SigningKey, "Carrier", "urn:uuid:carrier");
    const carrier = {
      ...credential,
      credentialSubject: { ...(credential.credentialSubject as JsonRecord), verifiableCredential: badges },
    };
    const result = await verifyCredential(carrier, deps());
    expect(result.checks.map((check) => check.id)).toEqual([
      "format",
      "proof",
      "issuer",
      "validity",
      "status",
    ]);
    expect(result.credentials).toBeUndefined();
  });
});
