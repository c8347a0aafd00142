import { describe, expect, it } from "vitest";
import { hasInterop, readInteropJson } from "../../../test/interop.ts";
import type { AwardInput } from "../../domain/open-badges/types.ts";
import { createDocumentLoader } from "../document-loader.ts";
import type { SigningKey } from "../keys.ts";
import { signDataIntegrityReference } from "../proofs/data-integrity-reference.ts";
import { createTestIssuer, sampleCredential, TEST_NOW, verifyDepsFor } from "../test-fixtures.ts";
import { verifyCredential } from "../verify/verify-credential.ts";
import { createJsonLdContextCache } from "./context-cache.ts";
import { createDataIntegrityIssuer, createFastVerifySuiteFactory } from "./fast-data-integrity.ts";

const alignment = (name: string) => ({
  type: ["Alignment"] as ["Alignment"],
  targetName: name,
  targetUrl: `https://frameworks.example/${encodeURIComponent(name)}`,
  targetCode: name.toUpperCase(),
  targetFramework: "Example framework",
  targetType: "ceterms:Skill",
});

// Award shapes that exercise the OB 3.0 context's type- and property-scoped contexts.
function variants(did: string): Array<[string, Partial<AwardInput>]> {
  return [
    ["plain", { credentialId: "urn:uuid:a" }],
    [
      "evidence",
      {
        credentialId: "urn:uuid:b",
        evidence: [
          {
            type: ["Evidence"],
            id: "https://acme.example/evidence/1",
            name: "Portfolio",
            narrative: "Six dashboards.",
          },
          {
            type: ["Evidence"],
            name: "Interview",
            description: "Oral defence",
            genre: "Interview",
            audience: "Panel",
          },
        ],
      },
    ],
    [
      "results and alignments",
      {
        credentialId: "urn:uuid:c",
        result: [
          {
            type: ["Result"],
            resultDescription: "urn:uuid:rd-1",
            value: "A",
            alignment: [alignment("grading")],
          },
          { type: ["Result"], status: "Completed" },
        ],
        creditsEarned: 3,
        achievement: {
          id: "http://localhost:3000/orgs/acme/achievements/stats",
          name: "Statistics",
          description: "Describes and infers from data.",
          criteria: { id: "https://acme.example/criteria/stats", narrative: "Pass the exam." },
          alignment: [alignment("statistics"), alignment("probability")],
          resultDescription: [
            {
              id: "urn:uuid:rd-1",
              type: ["ResultDescription"],
              name: "Final grade",
              resultType: "LetterGrade",
              allowedValue: ["A", "B", "C"],
              rubricCriterionLevel: [
                {
                  id: "urn:uuid:lvl-a",
                  type: ["RubricCriterionLevel"],
                  name: "Excellent",
                  alignment: [alignment("x")],
                },
              ],
              alignment: [alignment("grades")],
            },
          ],
          creator: { id: did, name: "Acme Academy", email: "badges@acme.example" },
          related: [
            { id: "https://acme.example/achievements/stats-fr", type: ["Related"], inLanguage: "fr" },
          ],
          inLanguage: "en",
          image: { id: "https://acme.example/stats.png", type: "Image", caption: "Stats" },
          tag: ["statistics", "data"],
        },
      },
    ],
    [
      "hashed email identity",
      {
        credentialId: "urn:uuid:d",
        recipient: { kind: "email", email: "learner@example.org", salt: "s4lt" },
        validUntil: new Date("2030-01-01T00:00:00Z"),
        awardedDate: new Date("2025-01-20T10:00:00Z"),
        credentialStatus: {
          id: "http://localhost:3000/status/1#42",
          type: "BitstringStatusListEntry",
          statusPurpose: "revocation",
          statusListIndex: "42",
          statusListCredential: "http://localhost:3000/status/1",
        },
        extraContexts: ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
      },
    ],
  ];
}

describe("fast eddsa-rdfc-2022 path", () => {
  it.skipIf(!hasInterop)("reproduces the golden proofValue", async () => {
    const golden = readInteropJson<{
      key: SigningKey;
      credential: Record<string, unknown>;
      expectedProofValue: string;
    }>("1edtech-ob3", "golden-ldp.json");
    const issue = createDataIntegrityIssuer(golden.key, createDocumentLoader());
    for (let i = 0; i < 2; i++) {
      const signed = await issue(golden.credential, new Date("2010-01-01T19:23:24Z"));
      expect((signed.proof as { proofValue: string }).proofValue).toBe(golden.expectedProofValue);
    }
  });

  it("produces proofs byte-identical to the reference path across credential shapes, repeatedly, and they verify", async () => {
    const issuer = await createTestIssuer();
    const contextCache = createJsonLdContextCache();
    const issue = createDataIntegrityIssuer(issuer.key, createDocumentLoader(), { contextCache });
    const deps = verifyDepsFor(issuer, { createVerifySuite: createFastVerifySuiteFactory({ contextCache }) });
    const cases = variants(issuer.did);
    // interleaved and repeated, so later rounds run on contexts cached by other shapes
    for (const round of [cases, [...cases].reverse(), cases]) {
      for (const [name, overrides] of round) {
        const credential = await sampleCredential(issuer.did, overrides);
        const reference = await signDataIntegrityReference(credential, {
          key: issuer.key,
          documentLoader: createDocumentLoader(),
          created: TEST_NOW,
        });
        const fast = await issue(credential, TEST_NOW);
        expect(JSON.stringify(fast), name).toBe(JSON.stringify(reference));
        const result = await verifyCredential(fast, deps);
        expect(result.checks.find((check) => check.id === "proof")?.status, name).toBe("passed");
        const tampered = { ...fast, validFrom: "2025-01-01T00:00:00Z" };
        const tamperedResult = await verifyCredential(tampered, deps);
        expect(tamperedResult.checks.find((check) => check.id === "proof")?.status, name).toBe("failed");
      }
    }
  });

  it("stays byte-identical with an inline context that changes between calls", async () => {
    const issuer = await createTestIssuer();
    const issue = createDataIntegrityIssuer(issuer.key, createDocumentLoader());
    const base = await sampleCredential(issuer.did);
    const inline: Record<string, string> = { extra: "https://example.org/vocab#first" };
    for (const iri of ["https://example.org/vocab#first", "https://example.org/vocab#second"]) {
      inline.extra = iri; // same object, new content: must not be served from the cache
      const credential = {
        ...base,
        "@context": [...(base["@context"] as string[]), inline],
        extra: "value",
      };
      const reference = await signDataIntegrityReference(credential, {
        key: issuer.key,
        documentLoader: createDocumentLoader(),
        created: TEST_NOW,
      });
      expect(JSON.stringify(await issue(credential, TEST_NOW))).toBe(JSON.stringify(reference));
    }
  });
});
