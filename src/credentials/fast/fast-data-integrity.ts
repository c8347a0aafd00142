import { sign as edSign, verify as edVerify, type KeyObject } from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { type Cryptosuite, cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { DocumentLoader } from "../document-loader.ts";
import { ed25519PrivateKeyObject, ed25519PublicKeyObject, type SigningKey } from "../keys.ts";
import { createJsonLdContextCache, type JsonLdContextCache } from "./context-cache.ts";

type JsonCredential = Record<string, unknown>;

// The fast path keeps the reference libraries' code for everything that decides the bytes of a
// proof (vc.issue, DataIntegrityProof, the cryptosuite's canonize: jsonld.toRDF + rdf-canonize,
// SHA-256, Ed25519), so proofs are byte-identical, and removes the measured costs around it:
//  - context processing: jsonld runs with a shared context cache (context-cache.ts) that keeps
//    resolved and processed contexts, type-scoped ones included, across calls;
//  - key import: the reference signer/verifier re-imports the key into node:crypto on every call;
//    here a KeyObject is imported once and reused (Ed25519 signatures are deterministic).

export type DataIntegrityIssuer = (credential: JsonCredential, created: Date) => Promise<JsonCredential>;

export type FastPathOptions = {
  /** Share one context cache between issuers and verifiers (default: a new one). */
  contextCache?: JsonLdContextCache;
};

/** The eddsa-rdfc-2022 cryptosuite, canonizing with a shared JSON-LD context cache. */
export function createCachedCanonizeCryptosuite(
  contextCache: JsonLdContextCache = createJsonLdContextCache(),
): Cryptosuite {
  return {
    ...cryptosuite,
    canonize: (input, options) =>
      cryptosuite.canonize(input, { ...options, contextResolver: contextCache.resolver() }),
  };
}

/** An issuer bound to one key: import the key once, sign many credentials. */
export function createDataIntegrityIssuer(
  key: SigningKey,
  documentLoader: DocumentLoader,
  options: FastPathOptions = {},
): DataIntegrityIssuer {
  const suiteCryptosuite = createCachedCanonizeCryptosuite(options.contextCache);
  const privateKey = ed25519PrivateKeyObject(key.secretKeyMultibase);
  const signer = {
    algorithm: "Ed25519",
    id: key.id,
    sign: async ({ data }: { data: Uint8Array }) => new Uint8Array(edSign(null, data, privateKey)),
  };
  return (credential, created) => {
    const suite = new DataIntegrityProof({ signer, cryptosuite: suiteCryptosuite, date: created });
    return vc.issue({ credential: structuredClone(credential), suite, documentLoader, now: created });
  };
}

/** Signs verifiable presentations for a holder key (authentication proof purpose, with the verifier's challenge). */
export function createDataIntegrityPresenter(
  key: SigningKey,
  documentLoader: DocumentLoader,
  options: FastPathOptions = {},
) {
  const privateKey = ed25519PrivateKeyObject(key.secretKeyMultibase);
  const signer = {
    algorithm: "Ed25519",
    id: key.id,
    sign: async ({ data }: { data: Uint8Array }) => new Uint8Array(edSign(null, data, privateKey)),
  };
  return (presentation: Record<string, unknown>, created: Date, challenge: string, domain?: string) => {
    const suite = new DataIntegrityProof({
      signer,
      cryptosuite: createCachedCanonizeCryptosuite(options.contextCache),
      date: created,
    });
    return vc.signPresentation({
      presentation: structuredClone(presentation),
      suite,
      documentLoader,
      challenge,
      ...(domain ? { domain } : {}),
    });
  };
}

/**
 * The eddsa-rdfc-2022 cryptosuite with the shared context cache and a verifier that caches
 * imported public keys (bounded, per process, safe to lose).
 */
export function createCachingCryptosuite(maxKeys = 1000, options: FastPathOptions = {}): Cryptosuite {
  const keys = new Map<string, KeyObject>();
  const base = createCachedCanonizeCryptosuite(options.contextCache);
  return {
    ...base,
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

/** A factory for verification suites sharing one key cache and one context cache. Pass as `createVerifySuite`. */
export function createFastVerifySuiteFactory(options: FastPathOptions = {}): () => DataIntegrityProof {
  const suite = createCachingCryptosuite(1000, options);
  return () => new DataIntegrityProof({ cryptosuite: suite });
}
