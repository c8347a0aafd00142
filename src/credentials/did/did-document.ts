import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from "../contexts.ts";

export type DidKeyEntry = {
  /** Fragment or full id: "key-1" or "did:web:…#key-1". */
  id: string;
  publicKeyMultibase: string;
  /** Retired keys stay listed so credentials they signed still verify; they just stop being used to sign. */
  status: "active" | "retired";
};

export type VerificationMethod = {
  id: string;
  type: "Multikey";
  controller: string;
  publicKeyMultibase: string;
};

export type DidDocument = {
  "@context": string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  authentication?: string[];
};

/** The full verification method id of a key under a DID. */
export function keyIdFor(did: string, keyId: string): string {
  return keyId.startsWith(`${did}#`) ? keyId : `${did}#${keyId.replace(/^#/, "")}`;
}

/**
 * Builds the DID document for an issuing organization: every key (active or retired) is an
 * Ed25519 Multikey verification method referenced from assertionMethod.
 */
export function buildDidDocument(did: string, keys: readonly DidKeyEntry[]): DidDocument {
  const verificationMethod = keys.map(
    (key): VerificationMethod => ({
      id: keyIdFor(did, key.id),
      type: "Multikey",
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    }),
  );
  return {
    "@context": [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
}
