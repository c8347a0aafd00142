import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { describe, expect, it } from "vitest";
import { hasInterop, readInteropJson } from "../../../test/interop.ts";
import { createDocumentLoader } from "../document-loader.ts";
import { ed25519PublicKeyObject } from "../keys.ts";
import { createTestIssuer, sampleCredential, TEST_NOW } from "../test-fixtures.ts";
import { signDataIntegrityReference } from "./data-integrity-reference.ts";
import { decodeVcJwt, signVcJwt, verifyJwsSignature } from "./vc-jwt.ts";

type Golden = {
  key: { id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string };
  credential: Record<string, unknown>;
  proofOptions: { created: string; verificationMethod: string };
  expectedProofValue: string;
};

describe("eddsa-rdfc-2022 (reference libraries)", () => {
  it.skipIf(!hasInterop)("reproduces the OB 3.0 guide's golden proofValue byte for byte", async () => {
    const golden = readInteropJson<Golden>("1edtech-ob3", "golden-ldp.json");
    const signed = await signDataIntegrityReference(golden.credential, {
      key: golden.key,
      documentLoader: createDocumentLoader(),
      created: new Date(golden.proofOptions.created),
    });
    expect(signed.proof).toEqual({
      type: "DataIntegrityProof",
      created: golden.proofOptions.created,
      verificationMethod: golden.proofOptions.verificationMethod,
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      proofValue: golden.expectedProofValue,
    });
    expect(golden.credential).not.toHaveProperty("proof");
  });

  it("refuses to sign a credential with an unknown context, naming it", async () => {
    const issuer = await createTestIssuer();
    const credential = await sampleCredential(issuer.did);
    credential["@context"] = [...credential["@context"], "https://unknown.example/ctx.json"];
    await expect(
      signDataIntegrityReference(credential, {
        key: issuer.key,
        documentLoader: createDocumentLoader(),
        created: TEST_NOW,
      }),
    ).rejects.toThrow(/unknown\.example\/ctx\.json/);
  });
});

describe("VC-JWT (VC-JOSE-COSE, EdDSA)", () => {
  it("signs the credential as the payload with OB 3.0 claims and verifies", async () => {
    const issuer = await createTestIssuer();
    const credential = await sampleCredential(issuer.did, { validUntil: new Date("2030-01-01T00:00:00Z") });
    const jwt = await signVcJwt(credential, issuer.key);
    const decoded = decodeVcJwt(jwt);
    expect(decoded.header).toEqual({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: issuer.key.id });
    expect(decoded.credential).toEqual(credential);
    expect(decoded.payload).toMatchObject({
      iss: issuer.did,
      jti: credential.id,
      sub: (credential.credentialSubject as { id: string }).id,
      nbf: Date.parse("2025-01-15T09:00:00Z") / 1000,
      exp: Date.parse("2030-01-01T00:00:00Z") / 1000,
    });
    const publicKey = ed25519PublicKeyObject(issuer.key.publicKeyMultibase);
    expect(await verifyJwsSignature(jwt, publicKey, ["EdDSA"])).toBe(true);
    const other = await Ed25519Multikey.generate();
    expect(await verifyJwsSignature(jwt, ed25519PublicKeyObject(other.publicKeyMultibase), ["EdDSA"])).toBe(
      false,
    );
    expect(await verifyJwsSignature(jwt, publicKey, ["ES256"])).toBe(false);
  });

  it("reads VC 1.1 JWTs that carry the credential in a vc claim", () => {
    const header = Buffer.from(JSON.stringify({ alg: "EdDSA" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ vc: { id: "urn:x" }, iss: "did:example:1" })).toString(
      "base64url",
    );
    expect(decodeVcJwt(`${header}.${payload}.sig`).credential).toEqual({ id: "urn:x" });
    expect(() => decodeVcJwt("a.b")).toThrow(/three parts/);
  });
});
