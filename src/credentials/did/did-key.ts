import { CredentialEngineError } from "../errors.ts";
import { decodeMultikeyBytes, ED25519_PUBLIC_HEADER } from "../multibase.ts";
import { buildDidDocument, type DidDocument } from "./did-document.ts";

/** The did:key DID of an Ed25519 public key (its Multikey value). */
export function didKeyFromPublicKey(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

/** Resolves an Ed25519 did:key offline: the DID names its own key (`did:key:z6Mk…#z6Mk…`). */
export function resolveDidKey(did: string): DidDocument {
  const match = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!match?.[1]) throw new CredentialEngineError("unsupported_did", `"${did}" is not an Ed25519 did:key.`);
  const multibase = match[1];
  try {
    if (decodeMultikeyBytes(multibase, ED25519_PUBLIC_HEADER).length !== 32) throw new Error("length");
  } catch (cause) {
    throw new CredentialEngineError("invalid_did", `"${did}" does not encode an Ed25519 key.`, { cause });
  }
  const document = buildDidDocument(did, [
    { id: multibase, publicKeyMultibase: multibase, status: "active" },
  ]);
  return { ...document, authentication: [...document.assertionMethod] };
}
