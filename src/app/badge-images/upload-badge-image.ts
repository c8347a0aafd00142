import { BADGE_IMAGE_MAX_BYTES, checkPixelSize, invalidImage } from "../../domain/badge-images/limits.ts";
import { isPng, pngSize } from "../../domain/badge-images/png.ts";
import { checkSvg } from "../../domain/badge-images/sanitize-svg.ts";
import type { BadgeImageSummary, BadgeImageType } from "../../domain/badge-images/types.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

/** Checks an upload by its content, never by the name or type the browser claimed. */
export function inspectBadgeImage(bytes: Uint8Array): {
  contentType: BadgeImageType;
  width: number;
  height: number;
} {
  if (bytes.length === 0) throw invalidImage("Choose a PNG or SVG image to upload.");
  if (bytes.length > BADGE_IMAGE_MAX_BYTES) throw invalidImage("The image must be at most 512 KiB.");
  if (isPng(bytes)) {
    const size = pngSize(bytes);
    if (!size) throw invalidImage("The PNG file is damaged: its header cannot be read.");
    checkPixelSize(size.width, size.height);
    return { contentType: "image/png", ...size };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart();
  if (!/^(<\?xml|<svg|<!--)/i.test(head)) throw invalidImage("Upload the image as PNG or SVG.");
  return { contentType: "image/svg+xml", ...checkSvg(bytes) };
}

export async function uploadBadgeImage(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  bytes: Uint8Array,
): Promise<BadgeImageSummary> {
  const inspected = inspectBadgeImage(bytes);
  return deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const image = {
      id: deps.newId(),
      organizationId: organization.id,
      ...inspected,
      design: null,
      createdAt: deps.clock(),
    };
    await r.badgeImages.insert({ ...image, bytes });
    await audit(r, {
      action: "badge_image.uploaded",
      actor,
      organizationId: organization.id,
      subject: image.id,
      at: image.createdAt,
      data: { contentType: image.contentType, bytes: bytes.length },
    });
    return image;
  });
}
