import { notFound } from "../../domain/rules.ts";
import type { AppDeps } from "../ports.ts";
import { accreditorsOf } from "./catalog-scope.ts";

const MAX_LISTED = 200;

/**
 * A provider's catalog page: its published micro-credentials, the accreditations in force (of the provider as a
 * whole or of one of them) and aggregate figures: awards issued and learners holding an active award.
 */
export const catalogProvider = (deps: AppDeps, slug: string) =>
  deps.uow(async (r) => {
    const organization = await r.organizations.findBySlug(slug);
    if (!organization) throw notFound("organization");
    const now = deps.clock();
    const scopes = (await r.catalog.accreditedScopes(now)).filter((s) => s.issuerId === organization.id);
    const { total, entries } = await r.catalog.search(
      { organizationId: organization.id },
      { sort: "newest", limit: MAX_LISTED, offset: 0 },
    );
    const figures = await r.catalog.providerFigures(organization.id, now);
    return {
      organization,
      published: total,
      entries: entries.map((e) => ({ ...e, accreditedBy: accreditorsOf(scopes, e) })),
      wholeAccreditors: [
        ...new Set(scopes.filter((s) => s.achievementId === null).map((s) => s.accreditorName)),
      ],
      ...figures,
    };
  });
