import { DomainError } from "../../domain/errors.ts";
import { notFound } from "../../domain/rules.ts";
import type { Accreditation } from "../../domain/trust/accreditation.ts";
import type { Actor, Organization } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { setCredentialStatusIn } from "../issuing/update-credential-status.ts";
import type { AppDeps, Repositories } from "../ports.ts";

/** Withdraws an accreditation before it ends: its EndorsementCredential is revoked, so every verifier sees it. */
export const withdrawAccreditation = (
  deps: AppDeps,
  actor: Actor,
  accreditorSlug: string,
  input: { accreditationId: string; reason: string },
) =>
  deps.uow(async (r) => {
    // The body's staff may withdraw even after its accreditor role ended.
    const { organization } = await authorizeOrganization(r, actor, accreditorSlug, "credentials:issue");
    const accreditation = await r.accreditations.find(input.accreditationId);
    if (!accreditation || accreditation.accreditorId !== organization.id) throw notFound("accreditation");
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        reason: "Say in a few words (up to 500 characters) why the accreditation is withdrawn.",
      });
    }
    return withdrawIn(deps, r, actor, organization, accreditation, reason);
  });

/** Revokes the endorsement and records the withdrawal, in the caller's transaction. Withdrawing twice changes nothing. */
export async function withdrawIn(
  deps: AppDeps,
  r: Repositories,
  actor: Actor,
  accreditor: Organization,
  accreditation: Accreditation,
  reason: string,
): Promise<Accreditation> {
  if (accreditation.withdrawnAt) return accreditation;
  const now = deps.clock();
  await setCredentialStatusIn(deps, r, actor, accreditor, {
    credentialId: accreditation.credentialId,
    set: true,
  });
  await r.accreditations.withdraw(accreditation.id, now, reason);
  await audit(r, {
    action: "accreditation.withdrawn",
    actor,
    organizationId: accreditor.id,
    subject: accreditation.id,
    data: { reason },
    at: now,
  });
  return { ...accreditation, withdrawnAt: now, withdrawnReason: reason };
}
