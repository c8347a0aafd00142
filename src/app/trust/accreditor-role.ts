import { DomainError } from "../../domain/errors.ts";
import { notFound } from "../../domain/rules.ts";
import { accreditationState } from "../../domain/trust/accreditation.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { withdrawIn } from "./withdraw-accreditation.ts";

function requirePlatformAdmin(actor: Actor) {
  if (actor.kind !== "user" || !actor.isPlatformAdmin) {
    throw new DomainError("platform_admin_only", "Only a platform admin can do this.");
  }
}

/** Every organization, for the platform admin's registry page. */
export const listOrganizationsForAdmin = (deps: AppDeps, actor: Actor) =>
  deps.uow(async (r) => {
    requirePlatformAdmin(actor);
    return (await r.organizations.listAll()).sort((a, b) => a.name.localeCompare(b.name));
  });

/** A platform admin makes an organization an accreditation body, or ends that role. */
export const setAccreditorRole = (deps: AppDeps, actor: Actor, slug: string, accreditor: boolean) =>
  deps.uow(async (r) => {
    requirePlatformAdmin(actor);
    const organization = await r.organizations.findBySlug(slug);
    if (!organization) throw notFound("organization");
    if (Boolean(organization.accreditorSince) === accreditor) return organization;
    const now = deps.clock();
    await r.organizations.setAccreditor(organization.id, accreditor ? now : null);
    if (!accreditor) {
      // Accreditations cannot outlive the body's standing: ending the role withdraws every one still in force.
      for (const accreditation of await r.accreditations.byAccreditor(organization.id)) {
        const state = accreditationState(accreditation, now);
        if (state === "withdrawn" || state === "expired") continue;
        await withdrawIn(deps, r, actor, organization, accreditation, "The accreditation body's role ended.");
      }
    }
    await audit(r, {
      action: accreditor ? "organization.accreditor_granted" : "organization.accreditor_revoked",
      actor,
      organizationId: organization.id,
      subject: organization.slug,
      at: now,
    });
    return { ...organization, accreditorSince: accreditor ? now : null };
  });
