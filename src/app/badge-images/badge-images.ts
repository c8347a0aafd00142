import type { BadgeDesign } from "../../domain/badge-images/design.ts";
import { renderBadgeSvg } from "../../domain/badge-images/design.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

export const listBadgeImages = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return { ...access, images: await r.badgeImages.list(access.organization.id) };
  });

/** Badge images are public: credentials point at them and anyone verifying shows them. */
export const getBadgeImage = (deps: AppDeps, id: string) => deps.uow((r) => r.badgeImages.find(id));

/** The designer's preview, for members allowed to design. */
export const previewBadgeDesign = (deps: AppDeps, actor: Actor, slug: string, design: BadgeDesign) =>
  deps.uow(async (r) => {
    await authorizeOrganization(r, actor, slug, "credentials:issue");
    return renderBadgeSvg(design);
  });
