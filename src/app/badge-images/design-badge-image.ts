import { type BadgeDesign, DESIGN_SIZE, renderBadgeSvg } from "../../domain/badge-images/design.ts";
import type { BadgeImageSummary } from "../../domain/badge-images/types.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, SvgRasterizer } from "../ports.ts";

/** Renders a template design as SVG and as PNG and stores both; the PNG comes first (bakeable everywhere). */
export async function designBadgeImage(
  deps: AppDeps & { rasterizer: SvgRasterizer },
  actor: Actor,
  slug: string,
  design: BadgeDesign,
): Promise<{ png: BadgeImageSummary; svg: BadgeImageSummary }> {
  const svgText = renderBadgeSvg(design);
  const pngBytes = deps.rasterizer.toPng(svgText, DESIGN_SIZE);
  return deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const now = deps.clock();
    const common = {
      organizationId: organization.id,
      width: DESIGN_SIZE,
      height: DESIGN_SIZE,
      createdAt: now,
    };
    const svg = {
      ...common,
      id: deps.newId(),
      contentType: "image/svg+xml" as const,
      design: { ...design, format: "svg" },
    };
    const png = {
      ...common,
      id: deps.newId(),
      contentType: "image/png" as const,
      design: { ...design, format: "png" },
    };
    await r.badgeImages.insert({ ...svg, bytes: new TextEncoder().encode(svgText) });
    await r.badgeImages.insert({ ...png, createdAt: new Date(now.getTime() + 1), bytes: pngBytes });
    await audit(r, {
      action: "badge_image.designed",
      actor,
      organizationId: organization.id,
      subject: png.id,
      at: now,
      data: { design, svg: svg.id, png: png.id },
    });
    return { png: { ...png, createdAt: new Date(now.getTime() + 1) }, svg };
  });
}
