import type { IssuerTrust } from "../../domain/trust/accreditation.ts";
import type { WalletCheck, WalletEntry } from "../../domain/wallet/types.ts";
import type { CredentialImporter, Verifier } from "../ports.ts";
import type { HeldDocument } from "./held-document.ts";

export type LiveCheckDeps = { verifier: Verifier; importer: CredentialImporter; clock: () => Date };
export type LiveCheck = {
  verified: boolean;
  checks: WalletCheck[];
  checkedAt: Date;
  /** The registry's view of the issuer, for OB 3.0 credentials. */
  trust?: IssuerTrust | undefined;
};

/**
 * Verifies a held credential now, the way any verifier would: signature, issuer, dates and status for OB 3.0;
 * the importer's checks for OB 2.0 and CLR. Never throws.
 */
export async function verifyHeld(
  deps: LiveCheckDeps,
  entry: WalletEntry,
  document: HeldDocument,
): Promise<LiveCheck> {
  const checkedAt = deps.clock();
  if (entry.kind === "ob3") {
    const result = await deps.verifier.verify(document.signed);
    return { verified: result.verified, checks: result.checks, checkedAt, trust: result.trust };
  }
  const serialized = typeof document.signed === "string" ? document.signed : JSON.stringify(document.signed);
  const outcome = await deps.importer.read(serialized);
  return outcome.ok
    ? { verified: outcome.verified, checks: outcome.checks, checkedAt }
    : { verified: false, checks: [{ id: "format", status: "failed", message: outcome.message }], checkedAt };
}
