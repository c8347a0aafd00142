import type { VerificationReport } from "../../../domain/types.ts";
import type { AppDeps } from "../../ports.ts";

/** The reason an issuer gave for revoking or suspending one of Cairn's own awards, if the credential is one. */
export const awardStatusReason = (deps: AppDeps, credentialId: string, issuerDid: string) =>
  deps.uow(async (r) => {
    const award = await r.awards.findByCredential(credentialId);
    if (!award || award.status === "active" || !award.statusReason) return undefined;
    const organization = await r.organizations.findById(award.organizationId);
    // Only the issuer named in the (verified) credential may have its reason shown.
    if (!organization || deps.credentials.organizationDid(organization.slug) !== issuerDid) return undefined;
    return award.statusReason;
  });

/**
 * Adds the award's reason to a failed status check of a credential Cairn issued, so verifiers see why.
 * Never throws: verification never does.
 */
export async function withAwardReasons(
  deps: AppDeps,
  report: VerificationReport,
): Promise<VerificationReport> {
  const credentials = report.credentials
    ? await Promise.all(report.credentials.map((inner) => withAwardReasons(deps, inner)))
    : undefined;
  const status = report.checks.find((c) => c.id === "status");
  const id = report.credential?.id;
  const issuer = report.credential?.issuer;
  const issuerId = typeof issuer === "object" && issuer && "id" in issuer ? issuer.id : undefined;
  let reason: string | undefined;
  if (status?.status === "failed" && typeof id === "string" && typeof issuerId === "string") {
    reason = await awardStatusReason(deps, id, issuerId).catch(() => undefined);
  }
  if (!reason && !credentials) return report;
  return {
    ...report,
    checks: report.checks.map((c) =>
      c.id === "status" && reason ? { ...c, message: `${c.message} Reason: ${reason}` } : c,
    ),
    ...(credentials ? { credentials } : {}),
  };
}
