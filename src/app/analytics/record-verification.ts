import type { AppDeps, VerificationChannel } from "../ports.ts";

/** Only a copy whose signature verified is the issuer's credential: forged or altered copies are not counted. */
export const signatureHolds = (checks: readonly { id: string; status: string }[]) =>
  checks.some((check) => check.id === "proof" && check.status === "passed");

/**
 * Counts one verification of a credential this Cairn awarded, for its issuer's analytics. Anything else (another
 * issuer's credential, an unreadable one) is not counted. Never throws: counting must not break verifying.
 */
export async function recordVerification(
  deps: AppDeps,
  credentialId: string | undefined,
  channel: VerificationChannel,
): Promise<void> {
  if (!credentialId) return;
  await deps
    .uow(async (r) => {
      const award = await r.awards.findByCredential(credentialId);
      if (!award) return;
      await r.analytics.recordVerification({
        organizationId: award.organizationId,
        achievementId: award.achievementId,
        credentialId,
        channel,
        at: deps.clock(),
      });
    })
    .catch(() => undefined);
}
