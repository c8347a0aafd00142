import type { IdentityObject } from "./types.ts";

/**
 * OB 3.0 IdentityHash: "sha256$" + hex(SHA-256(UTF-8(identifier + salt))). The spec's example:
 * "a@example.com" salted with "Kosher" gives sha256$b5809d8a…ef399. Uses Web Crypto so domain/
 * imports nothing from Node.
 */
export async function sha256IdentityHash(identifier: string, salt: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(identifier + salt),
  );
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `sha256$${hex}`;
}

/** Emails are compared case-insensitively in practice, so they are trimmed and lower-cased before hashing. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function hashedEmailIdentity(email: string, salt: string): Promise<IdentityObject> {
  return {
    type: "IdentityObject",
    identityType: "emailAddress",
    hashed: true,
    identityHash: await sha256IdentityHash(normalizeEmail(email), salt),
    salt,
  };
}

/** True when an email address matches a hashed IdentityObject (e.g. a learner claiming a badge). */
export async function emailMatchesIdentity(email: string, identity: IdentityObject): Promise<boolean> {
  const expected = await sha256IdentityHash(normalizeEmail(email), identity.salt);
  return expected.toLowerCase() === identity.identityHash.toLowerCase();
}
