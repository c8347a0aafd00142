import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { DocumentLoader } from "../document-loader.ts";
import type { SigningKey } from "../keys.ts";

export type JsonCredential = Record<string, unknown>;

export type DataIntegritySignOptions = {
  key: SigningKey;
  documentLoader: DocumentLoader;
  /** The proof's `created` time (injected clock). */
  created: Date;
};

/**
 * Signs with eddsa-rdfc-2022 exactly as the reference libraries do (@digitalbazaar/vc +
 * data-integrity + the cryptosuite + ed25519-multikey). The input is never mutated.
 */
export async function signDataIntegrityReference(
  credential: JsonCredential,
  options: DataIntegritySignOptions,
): Promise<JsonCredential> {
  const keyPair = await Ed25519Multikey.from({
    id: options.key.id,
    controller: options.key.controller,
    publicKeyMultibase: options.key.publicKeyMultibase,
    secretKeyMultibase: options.key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: options.created });
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: options.documentLoader,
    now: options.created,
  });
}

/** The reference verifier suite for eddsa-rdfc-2022 proofs. */
export function referenceVerifySuite(): DataIntegrityProof {
  return new DataIntegrityProof({ cryptosuite });
}
