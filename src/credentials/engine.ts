import type { CredentialEngine, SigningKeyMaterial } from "../app/ports.ts";
import { buildDidDocument } from "./did/did-document.ts";
import { didKeyFromPublicKey } from "./did/did-key.ts";
import { urlToDidWeb } from "./did/did-web.ts";
import { createDocumentLoader } from "./document-loader.ts";
import { createJsonLdContextCache, type JsonLdContextCache } from "./fast/context-cache.ts";
import {
  createDataIntegrityIssuer,
  createDataIntegrityPresenter,
  type DataIntegrityIssuer,
} from "./fast/fast-data-integrity.ts";
import { decryptSecret, encryptSecret } from "./key-encryption.ts";
import { ed25519PrivateKeyObject, generateEd25519KeyPair } from "./keys.ts";
import { signVcJwt } from "./proofs/vc-jwt.ts";
import { createStatusBits, getStatusBit, withStatusBit } from "./status/bitstring.ts";
import { buildStatusListCredential } from "./status/status-list-credential.ts";

const MAX_CACHED_SIGNERS = 256;

/**
 * The credential engine behind the use cases: keys sealed under the master key, did:web documents,
 * eddsa-rdfc-2022 signing on the fast path (one imported key and one JSON-LD context cache per process),
 * VC-JWT signing and status bitstrings.
 */
export function createCredentialEngine(options: {
  masterKey: Uint8Array;
  publicUrl: string;
  contextCache?: JsonLdContextCache;
}): CredentialEngine {
  const contextCache = options.contextCache ?? createJsonLdContextCache();
  const documentLoader = createDocumentLoader();
  // Keyed by key id + public key: a rotated key gets a new entry; the map is bounded and safe to lose.
  const signers = new Map<string, DataIntegrityIssuer>();
  const signerFor = (key: SigningKeyMaterial) => {
    const cacheKey = `${key.id} ${key.publicKeyMultibase}`;
    let signer = signers.get(cacheKey);
    if (!signer) {
      if (signers.size >= MAX_CACHED_SIGNERS) signers.delete(signers.keys().next().value as string);
      signer = createDataIntegrityIssuer(key, documentLoader, { contextCache });
      signers.set(cacheKey, signer);
    }
    return signer;
  };

  return {
    newKeyPair: () => generateEd25519KeyPair(),
    seal: (secret, context) => encryptSecret(options.masterKey, secret, context),
    unseal: (sealed, context) => decryptSecret(options.masterKey, sealed, context),
    organizationDid: (slug) => urlToDidWeb(options.publicUrl, ["orgs", slug]),
    didKey: (publicKeyMultibase) => didKeyFromPublicKey(publicKeyMultibase),
    didDocument: (did, keys) => buildDidDocument(did, keys),
    async sign(credential, key, format, now) {
      if (format === "jwt")
        return signVcJwt(credential, key, ed25519PrivateKeyObject(key.secretKeyMultibase));
      const signed = await signerFor(key)(credential, now);
      // OB 3.0's schema wants `proof` as an array; a one-element set is the same proof to every verifier.
      return Array.isArray(signed.proof) ? signed : { ...signed, proof: [signed.proof] };
    },
    signPresentation: (presentation, key, { now, challenge, domain }) =>
      createDataIntegrityPresenter(key, documentLoader, { contextCache })(
        presentation,
        now,
        challenge,
        domain,
      ),
    emptyStatusBits: (length) => createStatusBits(length),
    withStatusBit,
    getStatusBit,
    statusListCredential: ({ id, issuer, purpose, bits, validFrom }) =>
      buildStatusListCredential({ id, issuer, statusPurpose: purpose, bits, validFrom }),
  };
}
