import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { CredentialEngineError } from "./errors.ts";
import { decodeMultikeyBytes, ED25519_PUBLIC_HEADER, ED25519_SECRET_HEADER } from "./multibase.ts";

/** An Ed25519 key pair as plain JSON, the form the app encrypts and stores. */
export type Ed25519KeyPairJson = { publicKeyMultibase: string; secretKeyMultibase: string };

/** A key pair bound to a verification method id (e.g. `did:web:…#key-1`). */
export type SigningKey = Ed25519KeyPairJson & { id: string; controller: string };

// DER prefixes that wrap raw Ed25519 key bytes as PKCS#8 / SPKI so node:crypto can import them.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Generates a new Ed25519 Multikey pair with the reference library (random seed from node:crypto). */
export async function generateEd25519KeyPair(): Promise<Ed25519KeyPairJson> {
  const keyPair = await Ed25519Multikey.generate();
  const exported = await keyPair.export({ publicKey: true, secretKey: true, includeContext: false });
  if (!exported.secretKeyMultibase)
    throw new CredentialEngineError("key_generation_failed", "No secret key.");
  return { publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
}

/** Checks a stored key pair: both values decode and the secret key matches the public key. */
export function parseEd25519KeyPair(json: Ed25519KeyPairJson): Ed25519KeyPairJson {
  const privateKey = ed25519PrivateKeyObject(json.secretKeyMultibase);
  const derived = createPublicKey(privateKey)
    .export({ format: "der", type: "spki" })
    .subarray(SPKI_PREFIX.length);
  const claimed = decodeMultikeyBytes(json.publicKeyMultibase, ED25519_PUBLIC_HEADER);
  if (!Buffer.from(claimed).equals(derived)) {
    throw new CredentialEngineError("key_mismatch", "The secret key does not belong to the public key.");
  }
  return { publicKeyMultibase: json.publicKeyMultibase, secretKeyMultibase: json.secretKeyMultibase };
}

/** Imports a Multikey secret key (32-byte seed, or legacy 64-byte seed+public) as a node KeyObject. */
export function ed25519PrivateKeyObject(secretKeyMultibase: string): KeyObject {
  const secret = decodeMultikeyBytes(secretKeyMultibase, ED25519_SECRET_HEADER);
  if (secret.length !== 32 && secret.length !== 64) {
    throw new CredentialEngineError("invalid_key", `Ed25519 secret key has ${secret.length} bytes.`);
  }
  const der = Buffer.concat([PKCS8_PREFIX, secret.subarray(0, 32)]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

/** Imports a Multikey public key as a node KeyObject. */
export function ed25519PublicKeyObject(publicKeyMultibase: string): KeyObject {
  const raw = decodeMultikeyBytes(publicKeyMultibase, ED25519_PUBLIC_HEADER);
  if (raw.length !== 32)
    throw new CredentialEngineError("invalid_key", "Ed25519 public key must be 32 bytes.");
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

/** The public Multikey verification method for a signing key (no secret). */
export function verificationMethodOf(key: Pick<SigningKey, "id" | "controller" | "publicKeyMultibase">) {
  return {
    id: key.id,
    type: "Multikey",
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}
