import { describe, expect, it } from "vitest";
import { fakeFetch } from "../test-fixtures.ts";
import { buildDidDocument } from "./did-document.ts";
import { resolveDidKey } from "./did-key.ts";
import { didWebToUrl, urlToDidWeb } from "./did-web.ts";
import { createDidResolver } from "./resolver.ts";

const DID = "did:web:localhost%3A3000:orgs:acme";

describe("did:web mapping", () => {
  it("maps DIDs to document URLs: http only for localhost", () => {
    expect(didWebToUrl(DID).href).toBe("http://localhost:3000/orgs/acme/did.json");
    expect(didWebToUrl("did:web:example.com").href).toBe("https://example.com/.well-known/did.json");
    expect(didWebToUrl("did:web:example.com%3A8443:u:alice").href).toBe(
      "https://example.com:8443/u/alice/did.json",
    );
  });

  it("maps public URLs back to DIDs", () => {
    expect(urlToDidWeb("http://localhost:3000", ["orgs", "acme"])).toBe(DID);
    expect(urlToDidWeb("https://badges.example.org/base", ["orgs", "acme"])).toBe(
      "did:web:badges.example.org:base:orgs:acme",
    );
    expect(() => urlToDidWeb("http://badges.example.org", ["orgs"])).toThrow(/https/);
  });

  it("rejects malformed did:web values", () => {
    for (const bad of [
      "did:key:z6Mk",
      "did:web:",
      "did:web:exa mple.com",
      "did:web:example.com:..:x",
      "did:web:a::b",
    ]) {
      expect(() => didWebToUrl(bad), bad).toThrow();
    }
  });
});

describe("DID documents", () => {
  it("lists active and retired keys as Multikeys under assertionMethod", () => {
    const document = buildDidDocument(DID, [
      { id: "key-2", publicKeyMultibase: "z6MkNew", status: "active" },
      { id: "key-1", publicKeyMultibase: "z6MkOld", status: "retired" },
    ]);
    expect(document.assertionMethod).toEqual([`${DID}#key-2`, `${DID}#key-1`]);
    expect(document.verificationMethod[1]).toEqual({
      id: `${DID}#key-1`,
      type: "Multikey",
      controller: DID,
      publicKeyMultibase: "z6MkOld",
    });
    expect(document["@context"]).toEqual([
      "https://www.w3.org/ns/did/v1",
      "https://w3id.org/security/multikey/v1",
    ]);
  });

  it("resolves did:key offline and refuses garbage", () => {
    const did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    const document = resolveDidKey(did);
    expect(document.verificationMethod[0]?.id).toBe(
      `${did}#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2`,
    );
    expect(() => resolveDidKey("did:key:z6MkBAD0")).toThrow();
  });
});

describe("DID resolver", () => {
  const document = buildDidDocument(DID, [{ id: "key-1", publicKeyMultibase: "z6MkX", status: "active" }]);

  it("fetches did:web documents and dereferences key fragments", async () => {
    const resolver = createDidResolver({ fetch: fakeFetch(new Map([[didWebToUrl(DID).href, document]])) });
    expect(await resolver.resolve(DID)).toEqual(document);
    expect((await resolver.dereference(`${DID}#key-1`)).publicKeyMultibase).toBe("z6MkX");
    await expect(resolver.dereference(`${DID}#key-9`)).rejects.toThrow(/not in the DID document/);
  });

  it("rejects a document with another id, oversized bodies and slow servers", async () => {
    const other = createDidResolver({
      fetch: fakeFetch(new Map([[didWebToUrl(DID).href, { ...document, id: "did:web:x" }]])),
    });
    await expect(other.resolve(DID)).rejects.toThrow(/another id/);
    const huge = createDidResolver({
      fetch: async () => new Response("x".repeat(300_000)),
      limits: { timeoutMs: 1000, maxBytes: 100_000 },
    });
    await expect(huge.resolve(DID)).rejects.toThrow(/more than 100000 bytes/);
    const slow = createDidResolver({
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal.addEventListener("abort", () => reject(init.signal.reason)),
        ),
      limits: { timeoutMs: 20, maxBytes: 1000 },
    });
    await expect(slow.resolve(DID)).rejects.toThrow(/Could not fetch/);
  });

  it("refuses did:web without a fetch and unknown methods", async () => {
    await expect(createDidResolver().resolve(DID)).rejects.toThrow(/No fetch/);
    await expect(createDidResolver().resolve("did:example:123")).rejects.toThrow(/not supported/);
  });
});
