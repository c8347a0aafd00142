import { DomainError } from "../../domain/errors.ts";
import type { Actor, Logo, Organization } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import { LOGO_MAX_BYTES, LOGO_TYPES, type OrganizationProfileInput } from "../inputs.ts";
import type { AppDeps } from "../ports.ts";

export const getOrganization = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => authorizeOrganization(r, actor, slug, "organization:read"));

export const listMyOrganizations = (deps: AppDeps, userId: string) =>
  deps.uow((r) => r.organizations.listForUser(userId));

export const updateOrganization = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  profile: OrganizationProfileInput,
): Promise<Organization> =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "organization:write");
    const now = deps.clock();
    await r.organizations.update(organization.id, profile, now);
    await audit(r, {
      action: "organization.updated",
      actor,
      organizationId: organization.id,
      subject: slug,
      at: now,
    });
    return { ...organization, ...profile, updatedAt: now };
  });

/** Sets or (with null) removes the logo. Only raster and SVG images under 512 KiB are kept. */
export const setOrganizationLogo = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  logo: Logo | null,
): Promise<void> =>
  deps.uow(async (r) => {
    if (logo && !(LOGO_TYPES as readonly string[]).includes(logo.contentType)) {
      throw new DomainError("invalid_logo", "Upload the logo as PNG, JPEG, WebP or SVG.", {
        logo: "Upload the logo as PNG, JPEG, WebP or SVG.",
      });
    }
    if (logo && (logo.bytes.length === 0 || logo.bytes.length > LOGO_MAX_BYTES)) {
      throw new DomainError("invalid_logo", "The logo must be at most 512 KiB.", {
        logo: "The logo must be at most 512 KiB.",
      });
    }
    const { organization } = await authorizeOrganization(r, actor, slug, "organization:write");
    const now = deps.clock();
    await r.organizations.setLogo(organization.id, logo, now);
    await audit(r, {
      action: logo ? "organization.logo_set" : "organization.logo_removed",
      actor,
      organizationId: organization.id,
      at: now,
    });
  });

/** Logos are public: they appear on credentials and verification pages. */
export const getOrganizationLogo = (deps: AppDeps, slug: string) =>
  deps.uow((r) => r.organizations.getLogo(slug));
