import { crc32 } from "node:zlib";
import { CompactSign, exportSPKI, generateKeyPair } from "jose";
import type { VerificationResult } from "../verify/types.ts";
import type { ImportDeps } from "./types.ts";

// Test-only helpers: an offline "web" of OB 2.0 documents and a way to bake OB 2.0 images.

export const NOW = new Date("2026-11-23T00:00:00Z");
export const ISSUER = "https://issuer.example/issuer.json";
export const BADGE = "https://issuer.example/badges/robotics.json";
export const ASSERTION = "https://issuer.example/assertions/123.json";
export const KEY = "https://issuer.example/keys/1.json";
export const REVOCATIONS = "https://issuer.example/revocations.json";
export const SIGNED_ID = "urn:uuid:2f3b1c1e-6a4d-4a70-9a51-1c6a3b7e9d10";
// sha256("alice@example.org" + "deadsea"), computed with coreutils sha256sum.
export const ALICE_HASH = "sha256$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e";

export type Web = Record<string, unknown>;

/** A fetchJson serving `web` (copies, so tests can't leak edits); anything else is a 404. Records the URLs. */
export function offlineFetch(web: Web): ImportDeps["fetchJson"] & { urls: string[] } {
  const urls: string[] = [];
  const fetchJson = async (url: string) => {
    urls.push(url);
    if (!(url in web)) throw new Error(`Fetching ${url} answered 404.`);
    return structuredClone(web[url]);
  };
  return Object.assign(fetchJson, { urls });
}

const noVerifier: ImportDeps["verifier"] = {
  async verify(): Promise<VerificationResult> {
    throw new Error("an OB 2.0 import must not call the OB 3.0 verifier");
  },
};

export function ob2Deps(web: Web): ImportDeps {
  return { verifier: noVerifier, fetchJson: offlineFetch(web), now: () => NOW };
}

export function hostedAssertion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: ASSERTION,
    recipient: { type: "email", hashed: true, salt: "deadsea", identity: ALICE_HASH },
    issuedOn: "2026-01-15T10:00:00Z",
    badge: BADGE,
    verification: { type: "HostedBadge" },
    ...overrides,
  };
}

export function hostedWeb(assertion = hostedAssertion(), issuer: Record<string, unknown> = {}): Web {
  return {
    [String(assertion.id)]: assertion,
    [BADGE]: {
      "@context": "https://w3id.org/openbadges/v2",
      type: "BadgeClass",
      id: BADGE,
      name: "Awesome Robotics Badge",
      description: "For doing awesome things with robots.",
      image: "https://issuer.example/robotics.png",
      criteria: "https://issuer.example/robotics-criteria.html",
      issuer: ISSUER,
    },
    [ISSUER]: {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Issuer",
      id: ISSUER,
      name: "Example Robotics Guild",
      url: "https://issuer.example",
      ...issuer,
    },
  };
}

export type SignedWorld = {
  jws: string;
  web: Web;
  sign: (payload: Record<string, unknown>) => Promise<string>;
};

/** An RS256 key served as a CryptographicKey, the issuer listing it, and a signer for assertions. */
export async function signedWorld(): Promise<SignedWorld> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const sign = (payload: Record<string, unknown>) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: "RS256" })
      .sign(privateKey);
  const web = hostedWeb(hostedAssertion(), { publicKey: KEY, revocationList: REVOCATIONS });
  delete web[ASSERTION];
  web[KEY] = {
    "@context": "https://w3id.org/openbadges/v2",
    type: "CryptographicKey",
    id: KEY,
    owner: ISSUER,
    publicKeyPem: await exportSPKI(publicKey),
  };
  web[REVOCATIONS] = {
    "@context": "https://w3id.org/openbadges/v2",
    type: "RevocationList",
    id: REVOCATIONS,
    issuer: ISSUER,
    revokedAssertions: ["urn:uuid:00000000-0000-4000-8000-000000000000"],
  };
  return { jws: await sign(signedAssertion()), web, sign };
}

export function signedAssertion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return hostedAssertion({
    id: SIGNED_ID,
    verification: { type: "SignedBadge", creator: KEY },
    ...overrides,
  });
}

// A valid 1×1 PNG (signature, IHDR, IDAT, IEND).
export const TINY_PNG = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** Bakes an OB 2.0 value into a PNG: an iTXt chunk with keyword "openbadges" inserted before IEND. */
export function bakeOb2Png(png: Uint8Array, value: string, chunkType: "iTXt" | "tEXt" = "iTXt"): Uint8Array {
  const source = Buffer.from(png);
  const iend = source.length - 12;
  const data =
    chunkType === "iTXt"
      ? Buffer.concat([
          Buffer.from("openbadges\0", "latin1"),
          Buffer.from([0, 0, 0, 0]),
          Buffer.from(value, "utf8"),
        ])
      : Buffer.from(`openbadges\0${value}`, "latin1");
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(chunkType, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])) >>> 0, 0);
  return new Uint8Array(Buffer.concat([source.subarray(0, iend), header, data, crc, source.subarray(iend)]));
}

export function ob2Svg(inner: string): string {
  return `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" viewBox="0 0 10 10">\n  ${inner}\n  <circle r="4"/>\n</svg>`;
}
