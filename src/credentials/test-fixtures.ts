// Test-only helpers (imported by *.test.ts and the benchmark): an issuer with a did:web DID whose
// document is served by a fake fetch, plus a sample award. Nothing here touches the network.
import { buildOpenBadgeCredential } from "../domain/open-badges/build-credential.ts";
import type { AwardInput } from "../domain/open-badges/types.ts";
import { buildDidDocument, type DidKeyEntry, keyIdFor } from "./did/did-document.ts";
import { didWebToUrl } from "./did/did-web.ts";
import { createDidResolver } from "./did/resolver.ts";
import type { HttpFetch } from "./http-fetch.ts";
import { generateEd25519KeyPair, type SigningKey } from "./keys.ts";
import type { VerifyDeps } from "./verify/types.ts";

export const TEST_DID = "did:web:localhost%3A3000:orgs:acme";
export const TEST_NOW = new Date("2025-03-01T12:00:00Z");

export type TestIssuer = {
  did: string;
  key: SigningKey;
  keys: DidKeyEntry[];
  fetch: HttpFetch;
  documents: Map<string, unknown>;
};

export async function createTestIssuer(did = TEST_DID): Promise<TestIssuer> {
  const pair = await generateEd25519KeyPair();
  const key: SigningKey = { ...pair, id: keyIdFor(did, "key-1"), controller: did };
  const keys: DidKeyEntry[] = [
    { id: "key-1", publicKeyMultibase: pair.publicKeyMultibase, status: "active" },
  ];
  const documents = new Map<string, unknown>([[didWebToUrl(did).href, buildDidDocument(did, keys)]]);
  return { did, key, keys, fetch: fakeFetch(documents), documents };
}

/** A fetch that answers JSON from a map of URL → document, 404 otherwise. */
export function fakeFetch(documents: Map<string, unknown>): HttpFetch {
  return async (url) => {
    const document = documents.get(url);
    if (document === undefined) return new Response("not found", { status: 404 });
    return new Response(typeof document === "string" ? document : JSON.stringify(document), { status: 200 });
  };
}

export function verifyDepsFor(issuer: TestIssuer, overrides: Partial<VerifyDeps> = {}): VerifyDeps {
  return {
    now: () => TEST_NOW,
    didResolver: createDidResolver({ fetch: issuer.fetch }),
    fetchStatusList: async (url) => {
      const document = issuer.documents.get(url);
      if (document === undefined) throw new Error(`no status list at ${url}`);
      return document;
    },
    ...overrides,
  };
}

export function sampleAward(issuerDid: string, overrides: Partial<AwardInput> = {}): AwardInput {
  return {
    credentialId: "urn:uuid:2f1e7c3a-7d51-4a4c-9a0e-5d6c1b2a3f40",
    issuer: { id: issuerDid, name: "Acme Academy", url: "https://acme.example" },
    achievement: {
      id: "http://localhost:3000/orgs/acme/achievements/data-literacy",
      name: "Data Literacy",
      description: "Reads, questions and communicates with data.",
      criteria: { narrative: "Completed the six-week course and passed the final assessment." },
      achievementType: "MicroCredential",
      creditsAvailable: 3,
      alignment: [
        {
          type: ["Alignment"],
          targetName: "Data literacy",
          targetUrl: "https://esco.ec.europa.eu/en/skill/data-literacy",
          targetFramework: "ESCO",
        },
      ],
      tag: ["data"],
    },
    recipient: { kind: "id", id: "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2" },
    validFrom: new Date("2025-01-15T09:00:00Z"),
    ...overrides,
  };
}

export async function sampleCredential(issuerDid: string, overrides: Partial<AwardInput> = {}) {
  return buildOpenBadgeCredential(sampleAward(issuerDid, overrides));
}
