import { DomainError } from "../../domain/errors.ts";
import { trustCheck } from "../../domain/trust/trust-check.ts";
import { credentialOfJwt } from "../../domain/wallet/credential-display.ts";
import type { WalletItem } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import { queuePathwayCheck } from "../pathways/pathway-check-queue.ts";
import type { AppDeps, CredentialImporter } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";
import { issuerTrustIn } from "../trust/issuer-trust.ts";
import { verifiedEmailsIn } from "./attach-awards.ts";

export type ImportDeps = AppDeps & { importer: CredentialImporter };

/**
 * Verifies a credential from anywhere and keeps it in the wallet with the checks it got, flagged when it names
 * someone else. A credential that fails a check is still kept (the learner sees why); one that cannot be read is not.
 */
export async function importCredential(deps: ImportDeps, userId: string, input: Uint8Array | string) {
  // Verification may reach issuers over the network, so it happens before the transaction opens.
  const outcome = await deps.importer.read(input);
  if (!outcome.ok) throw new DomainError("invalid_import", outcome.message);
  return deps.uow(async (r) => {
    const [emails, key] = await Promise.all([verifiedEmailsIn(r, userId), r.wallet.findKey(userId)]);
    const json = typeof outcome.original === "string" ? credentialOfJwt(outcome.original) : outcome.original;
    const credentialId = typeof json?.id === "string" ? json.id : undefined;
    // A Cairn credential has a live record with its issuer: it joins a wallet by claim, never as a frozen copy.
    if (credentialId && (await r.awards.findByCredential(credentialId))) {
      throw new DomainError(
        "already_in_wallet",
        "This credential was issued on this Cairn. If it was awarded to you, it is in your wallet (claim it from its mail, or confirm its address under Account → Your addresses).",
      );
    }
    const { recipient, subjectId, ...display } = outcome.display;
    // An Open Badge whose issuer imitates one registered here is kept, flagged, and never counts for employers.
    const trust =
      outcome.kind === "ob3" && outcome.verified && display.issuerId
        ? await issuerTrustIn(deps, r, { issuerId: display.issuerId, issuerName: display.issuerName })
        : undefined;
    const checks = trust?.level === "impostor" ? [...outcome.checks, trustCheck(trust)] : outcome.checks;
    const serialized =
      typeof outcome.original === "string" ? outcome.original : JSON.stringify(outcome.original);
    const importDigest = deps.secrets.digest(serialized);
    const held = await r.wallet.list(userId);
    if (held.some((e) => e.display.importDigest === importDigest)) {
      throw new DomainError("already_in_wallet", "This credential is already in your wallet.");
    }
    const subjectMatches = recipient
      ? deps.importer.recipientMatches(recipient, emails)
      : subjectId !== undefined && subjectId === key?.did;
    const item: WalletItem = {
      id: deps.newId(),
      userId,
      awardId: null,
      kind: outcome.kind,
      format: outcome.format,
      document: { original: outcome.original },
      display: { ...display, importDigest },
      importChecks: checks,
      subjectMatches,
      hidden: false,
      collection: null,
      addedAt: deps.clock(),
    };
    await r.wallet.insertItem(item);
    await queuePathwayCheck(r, userId);
    await refreshTalentSkillsIn(r, userId);
    await audit(r, {
      action: "wallet.imported",
      actor: userActor(userId),
      subject: item.id,
      data: { kind: item.kind, format: item.format, verified: outcome.verified, subjectMatches },
      at: item.addedAt,
    });
    return { item, verified: outcome.verified };
  });
}
