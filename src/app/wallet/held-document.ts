import { credentialOfJwt, credentialOfStored } from "../../domain/wallet/credential-display.ts";
import type { WalletEntry } from "../../domain/wallet/types.ts";
import type { Repositories } from "../ports.ts";

export type HeldDocument = {
  /** The signed credential exactly as issued or imported: a JSON object, or a compact JWT/JWS string. */
  signed: string | Record<string, unknown>;
  /** Its credential JSON, for display (unverified). */
  credential: Record<string, unknown> | undefined;
};

/** The signed document behind a wallet entry: the issuer's stored copy for a Cairn award, the import otherwise. */
export async function heldDocumentIn(r: Repositories, entry: WalletEntry): Promise<HeldDocument | undefined> {
  if (entry.award) {
    const stored = await r.issuedCredentials.find(entry.award.organizationId, entry.award.credentialId);
    if (!stored) return undefined;
    const signed = typeof stored.document.jwt === "string" ? stored.document.jwt : stored.document;
    return { signed, credential: credentialOfStored(stored.document) };
  }
  const original = entry.document?.original;
  if (original === undefined) return undefined;
  return {
    signed: original,
    credential: typeof original === "string" ? credentialOfJwt(original) : original,
  };
}
