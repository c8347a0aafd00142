import { DomainError } from "../../domain/errors.ts";
import { notFound } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { setCredentialStatusIn } from "../issuing/update-credential-status.ts";
import type { AppDeps } from "../ports.ts";
import { accreditorFor } from "./accredit.ts";

/** Withdraws an accreditation before it ends: its EndorsementCredential is revoked, so every verifier sees it. */
export const withdrawAccreditation = (
  deps: AppDeps,
  actor: Actor,
  accreditorSlug: string,
  input: { accreditationId: string; reason: string },
) =>
  deps.uow(async (r) => {
    const accreditor = await accreditorFor(r, actor, accreditorSlug);
    const accreditation = await r.accreditations.find(input.accreditationId);
    if (!accreditation || accreditation.accreditorId !== accreditor.id) throw notFound("accreditation");
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) {
      throw new DomainError("validation_failed", "Some fields need attention.", {
        reason: "Say in a few words (up to 500 characters) why the accreditation is withdrawn.",
      });
    }
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
  });
