import { describe, expect, it } from "vitest";
import { hasInterop, readInteropJson } from "../../../test/interop.ts";
import { createDocumentLoader } from "../document-loader.ts";
import type { SigningKey } from "../keys.ts";
import { signDataIntegrityReference } from "../proofs/data-integrity-reference.ts";
import { createTestIssuer, sampleCredential, TEST_NOW, verifyDepsFor } from "../test-fixtures.ts";
import { verifyCredential } from "../verify/verify-credential.ts";
import { createDataIntegrityIssuer, createFastVerifySuiteFactory } from "./fast-data-integrity.ts";

describe("fast eddsa-rdfc-2022 path", () => {
  it.skipIf(!hasInterop)("reproduces the golden proofValue", async () => {
    const golden = readInteropJson<{
      key: SigningKey;
      credential: Record<string, unknown>;
      expectedProofValue: string;
    }>("1edtech-ob3", "golden-ldp.json");
    const issue = createDataIntegrityIssuer(golden.key, createDocumentLoader());
    const signed = await issue(golden.credential, new Date("2010-01-01T19:23:24Z"));
    expect((signed.proof as { proofValue: string }).proofValue).toBe(golden.expectedProofValue);
  });

  it("produces proofs byte-identical to the reference path, repeatedly, and they verify", async () => {
    const issuer = await createTestIssuer();
    const issue = createDataIntegrityIssuer(issuer.key, createDocumentLoader());
    const deps = verifyDepsFor(issuer, { createVerifySuite: createFastVerifySuiteFactory() });
    for (const id of ["urn:uuid:a", "urn:uuid:b", "urn:uuid:c"]) {
      const credential = await sampleCredential(issuer.did, { credentialId: id });
      const reference = await signDataIntegrityReference(credential, {
        key: issuer.key,
        documentLoader: createDocumentLoader(),
        created: TEST_NOW,
      });
      const fast = await issue(credential, TEST_NOW);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
      expect((await verifyCredential(fast, deps)).verified).toBe(true);
      const tampered = { ...fast, validFrom: "2025-01-01T00:00:00Z" };
      expect((await verifyCredential(tampered, deps)).verified).toBe(false);
    }
  });
});
