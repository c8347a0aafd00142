import { describe, expect, it } from "vitest";
import { CREDENTIALS_V2_CONTEXT, OB_V3_CONTEXT } from "./contexts.ts";
import { createDocumentLoader } from "./document-loader.ts";

describe("document loader", () => {
  it("serves every bundled context Cairn relies on, tagged static", async () => {
    const load = createDocumentLoader();
    for (const url of [
      CREDENTIALS_V2_CONTEXT,
      "https://www.w3.org/2018/credentials/v1",
      OB_V3_CONTEXT,
      "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
      "https://w3id.org/security/data-integrity/v2",
      "https://w3id.org/security/multikey/v1",
      "https://www.w3.org/ns/did/v1",
    ]) {
      const result = await load(url);
      expect(result.documentUrl).toBe(url);
      expect(result.tag).toBe("static");
      expect(result.document).toHaveProperty("@context");
    }
  });

  it("refuses any other URL, naming it", async () => {
    const load = createDocumentLoader();
    await expect(load("https://evil.example/context.json")).rejects.toThrow(
      /https:\/\/evil\.example\/context\.json/,
    );
    await expect(load("https://imsglobal.github.io/openbadges-specification/ob_v3p0.html")).rejects.toThrow(
      /Refused/,
    );
  });

  it("refuses did: URLs without a resolver and delegates them with one", async () => {
    await expect(createDocumentLoader()("did:key:z6Mk")).rejects.toThrow(/no DID resolver/);
    const load = createDocumentLoader({ dereferenceDid: async (url) => ({ id: url, resolved: true }) });
    expect((await load("did:web:example.com#k")).document).toEqual({
      id: "did:web:example.com#k",
      resolved: true,
    });
  });

  it("serves extra contexts only when explicitly allowed", async () => {
    const url = "https://www.w3.org/ns/credentials/examples/v2";
    await expect(createDocumentLoader()(url)).rejects.toThrow(url);
    const load = createDocumentLoader({
      extraContexts: new Map([[url, { "@context": { "@vocab": "urn:x#" } }]]),
    });
    expect((await load(url)).document).toEqual({ "@context": { "@vocab": "urn:x#" } });
  });
});
