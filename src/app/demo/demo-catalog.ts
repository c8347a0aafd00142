import { definitionInput } from "../../domain/achievements/definition.ts";
import { YEAR } from "../../domain/rules.ts";
import type { Actor, User } from "../../domain/types.ts";
import { createDefinition, listDefinitions, publishDefinition } from "../achievements/manage-definitions.ts";
import { createOrganizationInput } from "../inputs.ts";
import { createOrganization } from "../organizations/create-organization.ts";
import type { AppDeps } from "../ports.ts";
import { accredit } from "../trust/accredit.ts";
import { CATALOG_PROVIDERS } from "./demo-catalog-offers.ts";
import { seedDemoCatalogPaths } from "./demo-catalog-paths.ts";

const OWNER = { name: "Cara Catalog", email: "catalog@cairn.test" };

/**
 * Three more providers (owned by one demo account) with fifteen published micro-credentials across industries,
 * formats and prices, all through the real use cases; the quality agency accredits one provider as a whole and one
 * micro-credential of another. Runs again without duplicating anything.
 */
export async function seedDemoCatalog(deps: AppDeps, passwordHash: string, accreditorEmail: string) {
  const owner = await deps.uow(async (r) => {
    const now = deps.clock();
    const found = await r.users.findByEmail(OWNER.email);
    if (found) return found;
    const user: User = {
      id: deps.newId(),
      ...OWNER,
      passwordHash,
      emailVerifiedAt: now,
      isPlatformAdmin: false,
      createdAt: now,
    };
    await r.users.insert(user);
    return user;
  });
  const actor: Actor = { kind: "user", userId: owner.id, isPlatformAdmin: false };
  const published: Record<string, string> = {};
  for (const provider of CATALOG_PROVIDERS) {
    const exists = await deps.uow((r) => r.organizations.findBySlug(provider.slug));
    if (!exists) {
      await createOrganization(
        deps,
        actor,
        createOrganizationInput.parse({
          slug: provider.slug,
          name: provider.name,
          country: provider.country,
          description: provider.description,
        }),
      );
    }
    const existing = (await listDefinitions(deps, actor, provider.slug)).achievements;
    for (const offer of provider.offers) {
      let id = existing.find((a) => a.name === offer.name)?.id;
      if (!id) {
        id = (await createDefinition(deps, actor, provider.slug, definitionInput.parse(offer))).id;
        await publishDefinition(deps, actor, provider.slug, id);
      }
      published[offer.name] = id;
    }
  }
  await accreditDemoProviders(deps, accreditorEmail, published);
  await seedDemoCatalogPaths(deps, published);
  return { owner: OWNER, providers: CATALOG_PROVIDERS.map((p) => ({ slug: p.slug, name: p.name })) };
}

async function accreditDemoProviders(deps: AppDeps, accreditorEmail: string, ids: Record<string, string>) {
  const state = await deps.uow(async (r) => {
    const user = await r.users.findByEmail(accreditorEmail);
    const harbour = await r.organizations.findBySlug("harbour-tech");
    const done = harbour ? (await r.accreditations.forIssuers([harbour.id])).length > 0 : true;
    return { user, done };
  });
  if (!state.user || state.done) return;
  const actor: Actor = { kind: "user", userId: state.user.id, isPlatformAdmin: false };
  const validUntil = new Date(deps.clock().getTime() + 2 * YEAR).toISOString().slice(0, 10);
  const review = {
    criteria: ["Learning outcomes are stated and each is assessed", "Quality assurance is documented"],
    met: [0, 1],
    comment:
      "Reviewed the programme documents, assessment samples and the quality cycle: all criteria are met.",
    validUntil,
  };
  await accredit(deps, actor, "qamc", { ...review, issuer: "harbour-tech", achievementId: undefined });
  await accredit(deps, actor, "qamc", {
    ...review,
    issuer: "meridian-health",
    achievementId: ids["Medication Administration"],
  });
}
