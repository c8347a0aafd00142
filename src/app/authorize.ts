import { DomainError } from "../domain/errors.ts";
import { type Permission, roleAllows } from "../domain/roles.ts";
import { notFound } from "../domain/rules.ts";
import type { Actor, Membership, Organization } from "../domain/types.ts";
import type { Repositories } from "./ports.ts";

export type OrganizationAccess = { organization: Organization; membership: Membership | undefined };

/**
 * Finds the organization the actor is asking about and checks the permission.
 * Outsiders get "not found", never "forbidden", so they cannot learn that an organization exists.
 */
export async function authorizeOrganization(
  r: Repositories,
  actor: Actor,
  slug: string,
  permission: Permission,
): Promise<OrganizationAccess> {
  const organization = await r.organizations.findBySlug(slug);
  if (!organization) throw notFound("organization");

  if (actor.kind === "api_key") {
    if (actor.organizationId !== organization.id) throw notFound("organization");
    if (!(actor.scopes as string[]).includes(permission)) {
      throw new DomainError("insufficient_scope", `This API key lacks the "${permission}" scope.`);
    }
    return { organization, membership: undefined };
  }

  // The system acts only through use cases that check an organization's own rule, never through this door.
  if (actor.kind === "system") throw notFound("organization");
  const membership = await r.memberships.find(organization.id, actor.userId);
  if (!membership) {
    if (actor.isPlatformAdmin && permission.endsWith(":read")) return { organization, membership };
    throw notFound("organization");
  }
  if (!roleAllows(membership.role, permission)) {
    throw new DomainError("forbidden", "Your role in this organization does not allow that.");
  }
  return { organization, membership };
}

export function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new DomainError("forbidden", "This action needs a signed-in person.");
  return actor;
}
