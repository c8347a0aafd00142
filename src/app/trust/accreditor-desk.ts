import { accreditationState } from "../../domain/trust/accreditation.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { registryIn } from "./issuer-registry.ts";

/** What an accreditation body's staff work from: the accreditations it granted and the issuers it may review. */
export const accreditorDesk = (deps: AppDeps, actor: Actor, slug: string, reviewIssuer?: string) =>
  deps.uow(async (r) => {
    const { organization, membership } = await authorizeOrganization(r, actor, slug, "credentials:read");
    const now = deps.clock();
    const granted = organization.accreditorSince
      ? (await r.accreditations.byAccreditor(organization.id)).map((a) => ({
          ...a,
          state: accreditationState(a, now),
        }))
      : [];
    const issuers = organization.accreditorSince
      ? (await registryIn(deps, r)).filter(
          (e) => e.organization.id !== organization.id && e.published.length > 0,
        )
      : [];
    const subject = reviewIssuer ? issuers.find((e) => e.organization.slug === reviewIssuer) : undefined;
    return { organization, membership, granted, issuers, subject };
  });
