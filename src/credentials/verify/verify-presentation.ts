import type { KeyResolver } from "./key-resolver.ts";
import { checkDataIntegrityProofs, verificationLoader } from "./proof-check.ts";
import {
  asArray,
  type Check,
  failed,
  isRecord,
  type JsonRecord,
  passed,
  skipped,
  type VerificationResult,
  type VerifyDeps,
} from "./types.ts";

/**
 * A presentation verifies when each contained credential verifies and, if the presentation is signed,
 * its proof verifies with a key of its holder. The presentation's own checks use the same ids.
 */
export async function verifyPresentation(
  presentation: JsonRecord,
  deps: VerifyDeps,
  resolveKey: KeyResolver,
  verifyItem: (item: unknown) => Promise<VerificationResult>,
): Promise<VerificationResult> {
  const items = asArray(presentation.verifiableCredential);
  const credentials: VerificationResult[] = [];
  for (const item of items) credentials.push(await verifyItem(item));
  const checks: Check[] = [
    items.length > 0
      ? passed("format", `Presentation with ${items.length} credential(s).`)
      : failed("format", "The presentation contains no credential."),
    await presentationProof(presentation, deps, resolveKey),
  ];
  const failedItems = credentials.filter((result) => !result.verified).length;
  checks.push(
    failedItems === 0
      ? passed("issuer", "Every contained credential verified.")
      : failed("issuer", `${failedItems} of ${items.length} contained credential(s) failed verification.`),
  );
  checks.push(
    skipped("validity", "Checked per contained credential."),
    skipped("status", "Checked per contained credential."),
  );
  return { verified: checks.every((check) => check.status !== "failed"), checks, credentials };
}

async function presentationProof(
  presentation: JsonRecord,
  deps: VerifyDeps,
  resolveKey: KeyResolver,
): Promise<Check> {
  if (presentation.proof === undefined) return skipped("proof", "The presentation is not signed.");
  const outcome = await checkDataIntegrityProofs(
    presentation,
    verificationLoader(deps, resolveKey),
    deps.createVerifySuite,
  );
  if (outcome.check.status === "failed") return outcome.check;
  const holder = isRecord(presentation.holder) ? presentation.holder.id : presentation.holder;
  if (typeof holder === "string" && outcome.keyIds.some((keyId) => !keyId.startsWith(`${holder}#`))) {
    return failed("proof", `The presentation is signed by a key not belonging to its holder ${holder}.`);
  }
  return outcome.check;
}
