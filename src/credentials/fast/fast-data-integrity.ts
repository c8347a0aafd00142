import { sign as edSign, verify as edVerify, type KeyObject } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { type Cryptosuite, cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { DocumentLoader } from "../document-loader.ts";
import { ed25519PrivateKeyObject, ed25519PublicKeyObject, type SigningKey } from "../keys.ts";

type JsonCredential = Record<string, unknown>;

// The fast path keeps the reference libraries' canonicalisation and proof layout (so proofs are
// byte-identical) and removes the two measured costs around them:
//  - key import: the reference signer/verifier re-imports the key into node:crypto on every call;
//    here a KeyObject is imported once and reused (Ed25519 signatures are deterministic).
//  - context processing: Cairn's document loader tags bundled contexts "static", so jsonld keeps
//    their resolved and processed forms in its per-process cache instead of rebuilding them per call.

export type DataIntegrityIssuer = (credential: JsonCredential, created: Date) => Promise<JsonCredential>;

/** An issuer bound to one key: import the key once, sign many credentials. */
export function createDataIntegrityIssuer(
  key: SigningKey,
  documentLoader: DocumentLoader,
): DataIntegrityIssuer {
  const privateKey = ed25519PrivateKeyObject(key.secretKeyMultibase);
  const signer = {
    algorithm: "Ed25519",
    id: key.id,
    sign: async ({ data }: { data: Uint8Array }) => new Uint8Array(edSign(null, data, privateKey)),
  };
  return (credential, created) => {
    const suite = new DataIntegrityProof({ signer, cryptosuite, date: created });
    return vc.issue({ credential: structuredClone(credential), suite, documentLoader, now: created });
  };
}

/**
 * The eddsa-rdfc-2022 cryptosuite with a verifier that caches imported public keys (bounded,
 * per process, safe to lose). Pass `createVerifySuite` to the verification pipeline.
 */
export function createCachingCryptosuite(maxKeys = 1000): Cryptosuite {
  const keys = new Map<string, KeyObject>();
  return {
    ...cryptosuite,
    async createVerifier({ verificationMethod }) {
      const multibase = verificationMethod.publicKeyMultibase;
      if (verificationMethod.type !== "Multikey" || typeof multibase !== "string") {
        return cryptosuite.createVerifier({ verificationMethod });
      }
      let publicKey = keys.get(multibase);
      if (!publicKey) {
        publicKey = ed25519PublicKeyObject(multibase);
        if (keys.size >= maxKeys) keys.clear();
        keys.set(multibase, publicKey);
      }
      const key = publicKey;
      return {
        algorithm: "Ed25519",
        id: String(verificationMethod.id),
        verify: async ({ data, signature }) => edVerify(null, data, key, signature),
      };
    },
  };
}

/** A factory for verification suites sharing one key cache. */
export function createFastVerifySuiteFactory(): () => DataIntegrityProof {
  const suite = createCachingCryptosuite();
  return () => new DataIntegrityProof({ cryptosuite: suite });
}
