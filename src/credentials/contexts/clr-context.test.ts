import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { hasInterop, readInteropJson, readInteropText } from "../../../test/interop.ts";
import { bundledContexts, CLR_V2_CONTEXT, CREDENTIALS_V2_CONTEXT, OB_V3_CONTEXT } from "../contexts.ts";
import { createDidResolver } from "../did/resolver.ts";
import { createDocumentLoader, type DocumentLoader } from "../document-loader.ts";
import { TEST_NOW } from "../test-fixtures.ts";
import type { JsonRecord } from "../verify/types.ts";
import { verifyCredential } from "../verify/verify-credential.ts";

// Cairn authors the CLR 2.0 context (clr-v2p0.json); 1EdTech's published copy in the shared interop folder
// is the reference. Signatures hash the URDNA2015 canonical N-Quads, so the two must expand identically.

const CLR_ALIAS = "https://purl.imsglobal.org/spec/clr/v2p0/context.json";
const CLR = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
const OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
const VOCAB = "https://purl.imsglobal.org/spec/vc/clr/vocab.html#";
const ASSOCIATION_TYPES = [
  "exactMatchOf",
  "isChildOf",
  "isParentOf",
  "isPartOf",
  "isPeerOf",
  "isRelatedTo",
  "precedes",
  "replacedBy",
];

// jsonld keeps "static" contexts in a per-process cache keyed by URL alone. The two loaders serve different
// documents under one URL, so neither may let jsonld cache it (else both runs would read the first one's).
const uncached =
  (load: DocumentLoader): DocumentLoader =>
  async (url) => {
    const { tag: _tag, ...document } = await load(url);
    return document;
  };
const cairnLoader = uncached(createDocumentLoader());
const loaderServing = (clrContext: JsonRecord) =>
  uncached(
    createDocumentLoader({
      extraContexts: new Map([
        [CLR, clrContext],
        [CLR_ALIAS, clrContext],
      ]),
    }),
  );

const expand = (document: unknown, documentLoader: DocumentLoader) =>
  jsonld.expand(structuredClone(document), { documentLoader, safe: true });
const canonize = (document: unknown, documentLoader: DocumentLoader) =>
  jsonld.canonize(structuredClone(document), {
    algorithm: "URDNA2015",
    format: "application/n-quads",
    safe: true,
    documentLoader,
  });

/** Properties a compacted document states (JSON-LD keywords and the id/type aliases aside). */
function countTerms(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countTerms(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  return Object.entries(value).reduce(
    (sum, [key, item]) =>
      key === "@context"
        ? sum
        : sum + (key.startsWith("@") || key === "id" || key === "type" ? 0 : 1) + countTerms(item),
    0,
  );
}

/** Properties an expanded document keeps (every non-keyword key is an IRI). */
function countExpanded(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countExpanded(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  return Object.entries(value).reduce(
    (sum, [key, item]) => sum + (key.startsWith("@") ? 0 : 1) + countExpanded(item),
    0,
  );
}

const withoutProof = ({ proof: _proof, ...document }: JsonRecord): JsonRecord => document;

const achievement = (id: string, name: string) => ({
  id,
  type: ["Achievement"],
  name,
  description: `${name}, as a stackable micro-credential.`,
  criteria: { narrative: `Complete ${name}.` },
  achievementType: "MicroCredential",
});

/** A stacked CLR as Cairn builds one: the parent achievement, a component credential, their associations. */
function builtClr(): JsonRecord {
  const learner = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  const issuer = { id: "did:web:cairn.example:orgs:acme", type: ["Profile"], name: "Acme College" };
  const stack = "https://cairn.example/achievements/data-stack";
  const component = "https://cairn.example/achievements/sql-basics";
  return {
    "@context": [CREDENTIALS_V2_CONTEXT, CLR, OB_V3_CONTEXT, OB_EXTENSIONS],
    id: "urn:uuid:2b8a3f1e-7c1d-4e55-9a43-000000000001",
    type: ["VerifiableCredential", "ClrCredential"],
    issuer,
    validFrom: "2025-01-15T00:00:00Z",
    awardedDate: "2025-01-15T00:00:00Z",
    name: "Data Analysis pathway",
    description: "Comprehensive Learner Record for a stacked micro-credential.",
    partial: false,
    credentialSubject: {
      id: learner,
      type: ["ClrSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: "learner@example.org",
          identityType: "emailAddress",
          hashed: false,
        },
      ],
      verifiableCredential: [
        {
          "@context": [CREDENTIALS_V2_CONTEXT, OB_V3_CONTEXT],
          id: "urn:uuid:2b8a3f1e-7c1d-4e55-9a43-000000000002",
          type: ["VerifiableCredential", "OpenBadgeCredential"],
          issuer,
          validFrom: "2024-11-02T00:00:00Z",
          name: "SQL Basics",
          credentialSubject: {
            id: learner,
            type: ["AchievementSubject"],
            achievement: achievement(component, "SQL Basics"),
          },
          proof: {
            type: "DataIntegrityProof",
            cryptosuite: "eddsa-rdfc-2022",
            created: "2024-11-02T00:00:00Z",
            verificationMethod: "did:web:cairn.example:orgs:acme#key-1",
            proofPurpose: "assertionMethod",
            proofValue:
              "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKRAVJZLXuvWR1uHm8S",
          },
        },
      ],
      achievement: [achievement(stack, "Data Analysis"), achievement(component, "SQL Basics")],
      association: [
        { type: "Association", associationType: "isParentOf", sourceId: stack, targetId: component },
        { type: "Association", associationType: "isPartOf", sourceId: component, targetId: stack },
        ...ASSOCIATION_TYPES.map((associationType, index) => ({
          type: "Association",
          associationType,
          sourceId: component,
          targetId: `urn:uuid:2b8a3f1e-7c1d-4e55-9a43-1000000000${10 + index}`,
        })),
      ],
    },
    credentialSchema: [
      {
        id: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json",
        type: "1EdTechJsonSchemaValidator2019",
      },
    ],
  };
}

describe("Cairn's CLR 2.0 context", () => {
  it("is served for the versioned and the unversioned URL, frozen and tagged static", async () => {
    const load = createDocumentLoader();
    const versioned = await load(CLR_V2_CONTEXT);
    const alias = await load(CLR_ALIAS);
    expect(CLR_V2_CONTEXT).toBe(CLR);
    expect(versioned.tag).toBe("static");
    expect(alias.document).toBe(versioned.document);
    expect(Object.isFrozen(versioned.document)).toBe(true);
    expect(bundledContexts().get(CLR_V2_CONTEXT)).toHaveProperty(["@context", "@protected"], true);
  });

  it("protects its terms, like the OB 3.0 context", async () => {
    for (const term of ["ClrCredential", "ClrSubject", "Association"]) {
      const document = {
        "@context": [CREDENTIALS_V2_CONTEXT, CLR, { [term]: "https://evil.example/term" }],
        type: ["VerifiableCredential", "ClrCredential"],
      };
      await expect(expand(document, cairnLoader)).rejects.toThrow(/protected term/);
    }
  });

  it("layers with the OB 3.0 context in either order", async () => {
    const clr = builtClr();
    const swapped = { ...clr, "@context": [CREDENTIALS_V2_CONTEXT, OB_V3_CONTEXT, CLR, OB_EXTENSIONS] };
    expect(await expand(swapped, cairnLoader)).toEqual(await expand(clr, cairnLoader));
  });

  it("expands every term of a CLR in safe mode, and safe mode does reject an undefined one", async () => {
    const clr = builtClr();
    const [expanded] = await expand(withoutProof(clr), cairnLoader);
    expect(countExpanded(expanded)).toBe(countTerms(withoutProof(clr)));
    expect(expanded).toHaveProperty(["@type"], expect.arrayContaining([`${VOCAB}ClrCredential`]));
    const undefinedTerm = { ...clr, credentialSubject: { type: ["ClrSubject"], transcriptNote: "x" } };
    await expect(expand(undefinedTerm, cairnLoader)).rejects.toThrow();
  });
});

describe.skipIf(!hasInterop)("Cairn's CLR 2.0 context against the published one", () => {
  const published = () => readInteropJson("contexts", "clr-v2p0-2.0.1.json");
  const simple = () => readInteropJson("1edtech-clr", "simple.json");
  const documents: [string, () => JsonRecord][] = [
    ["1EdTech simple.json", simple],
    ["1EdTech simple.json, unsigned", () => withoutProof(simple())],
    ["a stacked CLR with associations and a nested credential", builtClr],
  ];

  it("is authored, not a copy, and both loaders really serve different documents", async () => {
    const publishedLoader = loaderServing(published());
    expect((await publishedLoader(CLR)).document).toEqual(published());
    expect((await cairnLoader(CLR)).document).not.toEqual(published());
  });

  it.each(documents)("%s: identical expansion, no term dropped (safe mode)", async (_name, document) => {
    const ours = await expand(document(), cairnLoader);
    const theirs = await expand(document(), loaderServing(published()));
    expect(ours).toEqual(theirs);
    expect(countExpanded(ours)).toBe(countTerms(document()));
  });

  it.each(documents)("%s: identical URDNA2015 canonical N-Quads", async (_name, document) => {
    const ours = await canonize(document(), cairnLoader);
    const theirs = await canonize(document(), loaderServing(published()));
    expect(ours).toBe(theirs);
    expect(ours).toContain(`<${VOCAB}ClrSubject>`);
    expect(ours).toContain(`<${VOCAB}AssociationType> "isParentOf"`);
  });

  it("expands identically where a CLR puts a bare string in place of an object", async () => {
    const subjects = [
      { verifiableCredential: ["eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln"] },
      { achievement: "https://cairn.example/achievements/data-stack" },
      { association: "https://cairn.example/associations/1" },
      { identifier: "learner@example.org" },
    ];
    for (const subject of subjects) {
      const document = { ...builtClr(), credentialSubject: { type: ["ClrSubject"], ...subject } };
      expect(await expand(document, cairnLoader)).toEqual(await expand(document, loaderServing(published())));
    }
  });

  it("would notice a one-term difference (the comparison is not vacuous)", async () => {
    // The published context with its association type property renamed, as a slip in authoring would.
    const text = readInteropText("contexts", "clr-v2p0-2.0.1.json");
    const altered: JsonRecord = JSON.parse(
      text.replace(`${VOCAB}AssociationType"`, `${VOCAB}associationType"`),
    );
    expect(altered).not.toEqual(published());
    expect(await canonize(builtClr(), cairnLoader)).not.toBe(
      await canonize(builtClr(), loaderServing(altered)),
    );
  });

  it("lets the verifier check 1EdTech's signed simple.json CLR, proof included", async () => {
    const deps = {
      now: () => TEST_NOW,
      didResolver: createDidResolver(),
      // 1EdTech's sample names its key https://…/issuers/565049#z6Mk…: the fragment is the Multikey.
      fetchKeyDocument: async (url: string) => {
        const [controller, fragment] = url.split("#");
        return { id: url, type: "Multikey", controller, publicKeyMultibase: fragment };
      },
    };
    const text = readInteropText("1edtech-clr", "simple.json");
    const result = await verifyCredential(text, deps);
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ["format", "passed"],
      ["proof", "passed"],
      ["issuer", "passed"],
      ["validity", "passed"],
      ["status", "skipped"],
      ["nested", "passed"],
    ]);
    expect(result.checks[0]?.message).toBe("CLR 2.0 credential (JSON-LD).");
  });
});
