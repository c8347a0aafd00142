import { DomainError } from "../../domain/errors.ts";
import { API_KEY_SCOPE_NAMES } from "../../domain/roles.ts";
import type { Actor, Organization } from "../../domain/types.ts";
import { issueApiKey } from "../api-keys/issue-api-key.ts";
import { audit } from "../audit.ts";
import type { OrganizationProfileInput } from "../inputs.ts";
import type { AppDeps } from "../ports.ts";

export type CreateOrganizationInput = OrganizationProfileInput & { slug: string };

/**
 * A signed-in person creates an organization and becomes its owner. The operator (CLI, no actor) gets
 * an organization with a full-scope API key instead, to automate from there.
 */
export async function createOrganization(
  deps: AppDeps,
  actor: Actor | null,
  input: CreateOrganizationInput,
): Promise<{ organization: Organization; apiKey?: string }> {
  if (actor && actor.kind !== "user") {
    throw new DomainError("forbidden", "API keys cannot create organizations.");
  }
  return deps.uow(async (r) => {
    if (await r.organizations.findBySlug(input.slug)) {
      throw new DomainError("slug_taken", `The address "${input.slug}" is taken.`, {
        slug: "This address is taken: choose another.",
      });
    }
    const now = deps.clock();
    const { slug, ...profile } = input;
    const organization: Organization = {
      id: deps.newId(),
      slug,
      ...profile,
      hasLogo: false,
      accreditorSince: null,
      createdAt: now,
      updatedAt: now,
    };
    await r.organizations.insert(organization);
    await audit(r, {
      action: "organization.created",
      actor,
      organizationId: organization.id,
      subject: slug,
      at: now,
    });
    if (actor) {
      await r.memberships.insert({
        organizationId: organization.id,
        userId: actor.userId,
        role: "owner",
        createdAt: now,
      });
      return { organization };
    }
    const { secret } = await issueApiKey(deps, r, organization.id, null, {
      name: "Operator key",
      scopes: API_KEY_SCOPE_NAMES,
    });
    return { organization, apiKey: secret };
  });
}
