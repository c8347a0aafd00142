import { DomainError } from "../../domain/errors.ts";
import type { IssuerTrust } from "../../domain/trust/accreditation.ts";
import { credentialOfJwt } from "../../domain/wallet/credential-display.ts";
import type { WalletCheck, WalletDisplay } from "../../domain/wallet/types.ts";
import { recordVerification, signatureHolds } from "../analytics/record-verification.ts";
import type { AppDeps, CredentialImporter, Verifier } from "../ports.ts";
import { openShare } from "../wallet/share-credential.ts";
import { verifyHeld } from "../wallet/verify-held.ts";

export type VerifyPageDeps = AppDeps & { verifier: Verifier; importer: CredentialImporter };
export type Submission = {
  text?: string | undefined;
  bytes?: Uint8Array | undefined;
  url?: string | undefined;
};
export type VerifiedSubmission = {
  verified: boolean;
  checks: WalletCheck[];
  checkedAt: Date;
  display: WalletDisplay;
  /** The credential's JSON when it has one (OB 3.0, CLR), for its details: subject, results, evidence. */
  credential: Record<string, unknown> | undefined;
  /** How it arrived, in words a person understands. */
  source: string;
  /** The registry's view of the issuer: accredited, registered, an impostor, or unknown. */
  trust?: IssuerTrust | undefined;
};

const checkOf = (check: { id: string; status: string; message: string }): WalletCheck => ({
  id: check.id,
  status: check.status === "passed" || check.status === "skipped" ? check.status : "failed",
  message: check.message,
});
const SHARE_PATH = /\/c\/([A-Za-z0-9_-]{8,64})(?:[/?#].*)?$/;

/** The share id in one of this Cairn's public credential addresses (`/c/<id>` or `/verify?c=<id>`), if it is one. */
function shareIdIn(deps: AppDeps, url: string): string | undefined {
  if (url.startsWith(`${deps.publicUrl}/c/`)) return SHARE_PATH.exec(url)?.[1];
  if (url.startsWith(`${deps.publicUrl}/verify?`)) {
    const id = new URL(url).searchParams.get("c") ?? "";
    return /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : undefined;
  }
  return undefined;
}

/** A Cairn certificate carries its public address as a link (`/URI (…)`) in the file. */
function linkInPdf(deps: AppDeps, bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes).toString("latin1");
  for (const match of text.matchAll(/\/URI \((https?:\/\/[^)\s]{1,500})\)/g)) {
    if (match[1] && shareIdIn(deps, match[1])) return match[1];
  }
  return undefined;
}

async function fromShare(deps: VerifyPageDeps, shareId: string, source: string): Promise<VerifiedSubmission> {
  const { entry, document } = await openShare(deps, shareId);
  const live = await verifyHeld(deps, entry, document);
  return { ...live, display: entry.display, credential: document.credential, source };
}

/**
 * Verifies whatever a visitor brings: pasted JSON or a JWT, a file (JSON, baked PNG/SVG, or a Cairn PDF certificate,
 * read through the link inside it), or an address (a Cairn share link, or a hosted Open Badges 2.0 assertion).
 * Anything unreadable is refused with a sentence saying why.
 */
export async function verifySubmission(deps: VerifyPageDeps, input: Submission): Promise<VerifiedSubmission> {
  const result = await verifyAny(deps, input);
  // A verification of a credential this Cairn awarded counts in its issuer's analytics, when it is the real one.
  const credentialId = result.display.credentialId ?? result.credential?.id;
  if (signatureHolds(result.checks) && typeof credentialId === "string")
    await recordVerification(deps, credentialId, "verify-page");
  return result;
}

async function verifyAny(deps: VerifyPageDeps, input: Submission): Promise<VerifiedSubmission> {
  const url = input.url?.trim();
  if (url) {
    const shareId = shareIdIn(deps, url);
    if (shareId) return fromShare(deps, shareId, "a credential shared on this Cairn");
    if (!/^https?:\/\//.test(url))
      throw new DomainError("invalid_import", "Enter a web address starting with https://.");
  }
  const bytes = input.bytes;
  if (bytes && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") {
    const link = linkInPdf(deps, bytes);
    const shareId = link && shareIdIn(deps, link);
    if (!shareId) {
      throw new DomainError(
        "invalid_import",
        "This PDF carries no link to a credential on this Cairn, so it cannot be checked here: ask for the credential itself.",
      );
    }
    return fromShare(deps, shareId, "the link inside a Cairn PDF certificate");
  }
  const given = bytes ?? (url || input.text?.trim());
  if (!given)
    throw new DomainError("invalid_import", "Paste a credential, choose a file or enter an address.");
  const checkedAt = deps.clock();
  const outcome = await deps.importer.read(given);
  if (!outcome.ok) throw new DomainError("invalid_import", outcome.message);
  const { recipient: _, subjectId: __, ...display } = outcome.display;
  const credential =
    typeof outcome.original === "string"
      ? credentialOfJwt(outcome.original)
      : outcome.kind === "ob2"
        ? undefined
        : outcome.original;
  const source = bytes ? "an uploaded file" : url ? "its address" : "pasted text";
  // For Open Badges 3.0 the app's verifier answers: it adds the issuer's reason to a revoked Cairn credential.
  const report = outcome.kind === "ob3" ? await deps.verifier.verify(given) : outcome;
  return {
    verified: report.verified,
    checks: report.checks.map(checkOf),
    checkedAt,
    display,
    credential,
    source,
    trust: "trust" in report ? report.trust : undefined,
  };
}
