import { beforeAll, describe, expect, it } from "vitest";
import { buildDidDocument } from "./did/did-document.ts";
import { didWebToUrl } from "./did/did-web.ts";
import { createDocumentLoader } from "./document-loader.ts";
import type { HttpFetch } from "./http-fetch.ts";
import { signDataIntegrityReference } from "./proofs/data-integrity-reference.ts";
import { createTestIssuer, sampleCredential, TEST_NOW, type TestIssuer } from "./test-fixtures.ts";
import { createVerifier, fetchBytesLimited, guardFetch, secureOnly } from "./verifier.ts";
import type { CheckId, JsonRecord, VerificationResult } from "./verify/types.ts";

let issuer: TestIssuer;
let signed: JsonRecord;

const statusOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id);

/** Wraps a fetch and records the URLs it was asked for. */
function recording(fetch: HttpFetch): HttpFetch & { urls: string[] } {
  const urls: string[] = [];
  const wrapped: HttpFetch = (url, init) => {
    urls.push(url);
    return fetch(url, init);
  };
  return Object.assign(wrapped, { urls });
}

const refuse: HttpFetch = async (url) => {
  throw new Error(`unexpected fetch of ${url}`);
};

beforeAll(async () => {
  issuer = await createTestIssuer();
  signed = await signDataIntegrityReference(await sampleCredential(issuer.did), {
    key: issuer.key,
    documentLoader: createDocumentLoader(),
    created: TEST_NOW,
  });
});

describe("createVerifier", () => {
  it("answers Cairn's own DIDs locally, without HTTP", async () => {
    const fetch = recording(refuse);
    const verifier = createVerifier({
      now: () => TEST_NOW,
      fetch,
      localDidDocument: async (did) =>
        did === issuer.did ? (buildDidDocument(did, issuer.keys) as JsonRecord) : undefined,
    });
    const result = await verifier.verify(JSON.stringify(signed));
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);
    expect(fetch.urls).toEqual([]);
  });

  it("fetches a remote did:web once per verification, and shares work across calls", async () => {
    const fetch = recording(issuer.fetch);
    const verifier = createVerifier({ now: () => TEST_NOW, fetch, localDidDocument: async () => undefined });
    const first = await verifier.verify(signed);
    expect(first.verified, JSON.stringify(first.checks)).toBe(true);
    expect(fetch.urls).toEqual([didWebToUrl(issuer.did).href]);
    const second = await verifier.verify(signed);
    expect(second.verified).toBe(true);
    expect(fetch.urls).toHaveLength(2);
  });

  it("cuts a hanging fetch at the timeout and reports a failed issuer check", async () => {
    const hanging: HttpFetch = () => new Promise<Response>(() => undefined); // ignores its signal
    const verifier = createVerifier({ now: () => TEST_NOW, fetch: hanging, limits: { timeoutMs: 100 } });
    const started = Date.now();
    const result = await verifier.verify(signed);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.verified).toBe(false);
    expect(statusOf(result, "issuer")).toMatchObject({ status: "failed" });
    expect(statusOf(result, "issuer")?.message).toMatch(/abort|timeout/i);
  });

  it("cuts a body that never ends", async () => {
    const endless: HttpFetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{")) }));
    const verifier = createVerifier({ now: () => TEST_NOW, fetch: endless, limits: { timeoutMs: 100 } });
    const result = await verifier.verify(signed);
    expect(statusOf(result, "issuer")).toMatchObject({ status: "failed" });
  });

  it("refuses an oversized DID document", async () => {
    const document = { ...buildDidDocument(issuer.did, issuer.keys), padding: "x".repeat(300 * 1024) };
    const fetch: HttpFetch = async () => new Response(JSON.stringify(document));
    const result = await createVerifier({ now: () => TEST_NOW, fetch }).verify(signed);
    expect(result.verified).toBe(false);
    expect(statusOf(result, "issuer")?.message).toMatch(/more than 262144 bytes/);
  });

  it("never throws, whatever the input", async () => {
    const verifier = createVerifier({ now: () => TEST_NOW, fetch: refuse });
    for (const input of [undefined, 42, "not json", new Uint8Array([1, 2, 3]), { "@context": 5 }]) {
      const result = await verifier.verify(input);
      expect(result.verified).toBe(false);
      expect(result.checks.map((check) => check.id)).toEqual([
        "format",
        "proof",
        "issuer",
        "validity",
        "status",
      ]);
    }
  });
});

describe("fetch guards", () => {
  it("allows https anywhere and http only on localhost", async () => {
    const fetch = secureOnly(async () => new Response("{}"));
    const init = { signal: AbortSignal.timeout(1000), headers: {} };
    await expect(fetch("https://example.org/key", init)).resolves.toBeInstanceOf(Response);
    await expect(fetch("http://localhost:3000/key", init)).resolves.toBeInstanceOf(Response);
    await expect(fetch("http://example.org/key", init)).rejects.toThrow(/only https/);
    await expect(fetch("file:///etc/passwd", init)).rejects.toThrow(/only https/);
  });

  it("reads bytes within the limits", async () => {
    const fetch = guardFetch(async () => new Response(new Uint8Array(10)));
    const limits = { timeoutMs: 1000, maxBytes: 10 };
    await expect(fetchBytesLimited(fetch, "https://x.test/a", limits)).resolves.toHaveLength(10);
    await expect(fetchBytesLimited(fetch, "https://x.test/a", { ...limits, maxBytes: 9 })).rejects.toThrow(
      /more than 9 bytes/,
    );
    const missing = async () => new Response("no", { status: 404 });
    await expect(fetchBytesLimited(missing, "https://x.test/b", limits)).rejects.toThrow(/answered 404/);
  });
});
