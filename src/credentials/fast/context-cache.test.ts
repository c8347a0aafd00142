import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { createJsonLdContextCache } from "./context-cache.ts";

// A context using the features whose processing the cache memoises: protected terms, type-scoped
// contexts (propagate false by default) nesting property-scoped ones, @propagate, @vocab changes.
const TEST_URL = "https://cairn.test/scoped.jsonld";
const scopedContext = () => ({
  "@context": {
    "@version": 1.1,
    "@protected": true,
    id: "@id",
    type: "@type",
    name: "https://schema.test/name",
    Outer: {
      "@id": "https://schema.test/Outer",
      "@context": {
        "@protected": true,
        inner: {
          "@id": "https://schema.test/inner",
          "@context": { label: "https://schema.test/innerLabel" },
        },
        score: { "@id": "https://schema.test/score", "@type": "http://www.w3.org/2001/XMLSchema#integer" },
      },
    },
    Inner: {
      "@id": "https://schema.test/Inner",
      "@context": { "@vocab": "https://inner.test/", title: "https://schema.test/innerTitle" },
    },
    Sticky: {
      "@id": "https://schema.test/Sticky",
      "@context": { "@propagate": true, sticky: "https://schema.test/sticky" },
    },
    child: { "@id": "https://schema.test/child", "@type": "@id" },
    items: { "@id": "https://schema.test/items", "@container": "@set" },
  },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const documents = [
  { "@context": TEST_URL, type: "Outer", name: "a", score: 3, inner: { type: "Inner", title: "b", x: 1 } },
  {
    "@context": TEST_URL,
    type: ["Sticky", "Outer"],
    sticky: "s",
    items: [{ type: "Sticky", sticky: "t", items: [{ sticky: "u", name: "n" }] }],
  },
  { "@context": TEST_URL, type: "Inner", title: "c", child: { type: "Outer", inner: { label: "l" } } },
  {
    "@context": TEST_URL,
    name: "d",
    items: [
      { type: "Outer", inner: { id: "urn:x" } },
      { type: "Inner", y: 2 },
    ],
  },
];

async function outcome(expansion: Promise<unknown>) {
  try {
    return { expanded: await expansion };
  } catch (error) {
    const { name, message, details } = error as {
      name: string;
      message: string;
      details?: { event?: { code?: string } };
    };
    return { name, message, code: details?.event?.code };
  }
}

describe("JSON-LD context cache", () => {
  it("expands exactly as jsonld does, across calls and shapes, in safe mode", async () => {
    const frozen = deepFreeze(scopedContext());
    const cachedLoader = async (url: string) => ({
      contextUrl: null,
      documentUrl: url,
      document: frozen,
      tag: "static",
    });
    const plainLoader = async (url: string) => ({
      contextUrl: null,
      documentUrl: url,
      document: scopedContext(),
    });
    const cache = createJsonLdContextCache();
    for (let round = 0; round < 3; round++) {
      for (const document of round === 1 ? [...documents].reverse() : documents) {
        const expected = await outcome(
          jsonld.expand(structuredClone(document), { documentLoader: plainLoader, safe: true }),
        );
        const actual = await outcome(
          jsonld.expand(structuredClone(document), {
            documentLoader: cachedLoader,
            safe: true,
            contextResolver: cache.resolver(),
          }),
        );
        expect(actual).toEqual(expected);
        expect(expected).toHaveProperty("expanded"); // every sample document is valid
      }
    }
  });

  it("still rejects what jsonld rejects once contexts are cached", async () => {
    const frozen = deepFreeze(scopedContext());
    const loader = async (url: string) => ({
      contextUrl: null,
      documentUrl: url,
      document: frozen,
      tag: "static",
    });
    const cache = createJsonLdContextCache();
    await jsonld.expand(structuredClone(documents[0]), {
      documentLoader: loader,
      safe: true,
      contextResolver: cache.resolver(),
    });
    // redefining a protected term in an inline context, and an undefined term in safe mode
    const redefine = { "@context": [TEST_URL, { name: "https://evil.test/name" }], name: "x" };
    const undefinedTerm = { "@context": TEST_URL, type: "Outer", unknownTerm: "x" };
    for (const document of [redefine, undefinedTerm]) {
      await expect(jsonld.expand(document, { documentLoader: loader, safe: true })).rejects.toThrow();
      await expect(
        jsonld.expand(document, { documentLoader: loader, safe: true, contextResolver: cache.resolver() }),
      ).rejects.toThrow();
    }
  });
});
