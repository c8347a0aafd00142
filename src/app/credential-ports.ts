// The credential engine as the use cases see it: keys, DIDs, signing and status bits (implemented in src/credentials).
// Re-exported from ports.ts, where the use cases find every port.
import type { CredentialFormat, StatusPurpose } from "../domain/types.ts";

export type KeyPair = { publicKeyMultibase: string; secretKeyMultibase: string };
export type SigningKeyMaterial = KeyPair & { id: string; controller: string };

/** The credential engine (src/credentials) as the use cases see it. */
export type CredentialEngine = {
  newKeyPair(): Promise<KeyPair>;
  /** Encrypts a secret key at rest; `context` binds the ciphertext to its row. */
  seal(secret: string, context: string): string;
  unseal(sealed: string, context: string): string;
  organizationDid(slug: string): string;
  /** The did:key of an Ed25519 public key (a learner's own DID). */
  didKey(publicKeyMultibase: string): string;
  didDocument(
    did: string,
    keys: { id: string; publicKeyMultibase: string; status: "active" | "retired" }[],
  ): Record<string, unknown>;
  /** Adds the proof: a Data Integrity proof ("ldp") or a VC-JWT ("jwt", returned as the compact string). */
  sign(
    credential: Record<string, unknown>,
    key: SigningKeyMaterial,
    format: CredentialFormat,
    now: Date,
  ): Promise<Record<string, unknown> | string>;
  /** Adds a holder's Data Integrity proof (authentication, bound to a verifier's challenge) to a presentation. */
  signPresentation(
    presentation: Record<string, unknown>,
    key: SigningKeyMaterial,
    options: { now: Date; challenge: string; domain?: string | undefined },
  ): Promise<Record<string, unknown>>;
  emptyStatusBits(length: number): Uint8Array;
  withStatusBit(bits: Uint8Array, index: number, value: boolean): Uint8Array;
  getStatusBit(bits: Uint8Array, index: number): boolean;
  statusListCredential(input: {
    id: string;
    issuer: string;
    purpose: StatusPurpose;
    bits: Uint8Array;
    validFrom: Date;
  }): Record<string, unknown>;
};
