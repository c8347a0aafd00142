import { DEFAULT_DESIGN, renderBadgeSvg, TITLE_MAX } from "../../domain/badge-images/design.ts";
import { BADGE_IMAGE_MAX_BYTES, BADGE_MAX_PX } from "../../domain/badge-images/limits.ts";
import { isPng, pngSize } from "../../domain/badge-images/png.ts";
import { checkSvg } from "../../domain/badge-images/sanitize-svg.ts";
import { DomainError } from "../../domain/errors.ts";
import { achievementFacts, subjectOf } from "../../domain/wallet/credential-display.ts";
import { shareOpen, type WalletEntry } from "../../domain/wallet/types.ts";
import type { AppDeps, CredentialFiles, Repositories, SvgRasterizer } from "../ports.ts";
import { heldDocumentIn } from "./held-document.ts";
import { walletEntryIn } from "./wallet.ts";

const dateOr = (iso: string | undefined) => {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

export type FileDeps = AppDeps & { rasterizer: SvgRasterizer; files: CredentialFiles };
type Badge = { png: Uint8Array; svg?: string | undefined; brandColor?: string | undefined };
const BADGE_PX = 512;

/**
 * An image inlined in a credential (`data:` URI), accepted only as what Cairn accepts on upload: a PNG within the
 * badge size limits, or an SVG that passes the same sanitizer (no scripts, no external or file references).
 * Anything else is ignored and the credential gets the default badge.
 */
function inlineImage(uri: string): { type: "image/png" | "image/svg+xml"; bytes: Uint8Array } | undefined {
  const match = /^data:(image\/(?:png|svg\+xml))(;base64)?,(.*)$/s.exec(uri);
  if (!match || uri.length > BADGE_IMAGE_MAX_BYTES * 2) return undefined;
  try {
    const body = match[2]
      ? Buffer.from(match[3] ?? "", "base64")
      : Buffer.from(decodeURIComponent(match[3] ?? ""));
    const bytes = new Uint8Array(body);
    if (bytes.length > BADGE_IMAGE_MAX_BYTES) return undefined;
    if (match[1] === "image/png") {
      const size = isPng(bytes) ? pngSize(bytes) : undefined;
      return size && size.width <= BADGE_MAX_PX && size.height <= BADGE_MAX_PX
        ? { type: "image/png", bytes }
        : undefined;
    }
    checkSvg(bytes);
    return { type: "image/svg+xml", bytes };
  } catch {
    return undefined;
  }
}
const pngInSvg = (png: Uint8Array) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${BADGE_PX}" height="${BADGE_PX}" viewBox="0 0 ${BADGE_PX} ${BADGE_PX}"><image width="${BADGE_PX}" height="${BADGE_PX}" xlink:href="data:image/png;base64,${Buffer.from(png).toString("base64")}"/></svg>`;

/**
 * The badge image of a held credential: the issuer's image when Cairn serves it (or it is inline), otherwise one
 * drawn from the default template with the credential's name. Nothing is fetched from elsewhere.
 */
export async function badgeOf(deps: FileDeps, r: Repositories, entry: WalletEntry): Promise<Badge> {
  const url = entry.display.image ?? "";
  const prefix = `${deps.publicUrl}/images/`;
  const own = url.startsWith(prefix) ? await r.badgeImages.find(url.slice(prefix.length)) : undefined;
  const inline = own ? { type: own.contentType, bytes: own.bytes } : inlineImage(url);
  const primary = own?.design?.primary;
  const brandColor = typeof primary === "string" ? primary : undefined;
  if (inline?.type === "image/png") return { png: inline.bytes, brandColor };
  const fallback = renderBadgeSvg({ ...DEFAULT_DESIGN, title: entry.display.name.slice(0, TITLE_MAX) });
  const svg = inline?.type === "image/svg+xml" ? new TextDecoder().decode(inline.bytes) : fallback;
  try {
    return { png: deps.rasterizer.toPng(svg, BADGE_PX), svg, brandColor };
  } catch {
    return { png: deps.rasterizer.toPng(fallback, BADGE_PX), svg: fallback, brandColor };
  }
}

async function heldIn(r: Repositories, userId: string, itemId: string) {
  const entry = await walletEntryIn(r, userId, itemId);
  const document = await heldDocumentIn(r, entry);
  if (!document) throw new DomainError("not_found", "The signed credential is no longer available.");
  const serialized = typeof document.signed === "string" ? document.signed : JSON.stringify(document.signed);
  return { entry, document, serialized };
}

export const signedCredentialFile = (deps: AppDeps, userId: string, itemId: string) =>
  deps.uow((r) => heldIn(r, userId, itemId));

/** The badge image with the signed credential baked in (OB 3.0 §5.3), as PNG or SVG. */
export const bakedBadgeFile = (deps: FileDeps, userId: string, itemId: string, type: "png" | "svg") =>
  deps.uow(async (r) => {
    const { entry, serialized } = await heldIn(r, userId, itemId);
    const badge = await badgeOf(deps, r, entry);
    return type === "png"
      ? deps.files.bakePng(badge.png, serialized)
      : new TextEncoder().encode(deps.files.bakeSvg(badge.svg ?? pngInSvg(badge.png), serialized));
  });

/**
 * A PDF certificate whose QR code opens the verification page with the credential loaded, through its public share,
 * else an open link, else a new link without expiry (listed on the credential's page, where it can be stopped).
 */
export const certificateFile = (deps: FileDeps, userId: string, itemId: string, pageSize: "A4" | "Letter") =>
  deps.uow(async (r) => {
    const { entry, document } = await heldIn(r, userId, itemId);
    const user = await r.users.findById(userId);
    const now = deps.clock();
    const open = (await r.wallet.shares(itemId)).filter((s) => shareOpen(s, now) === "open");
    let share = open.find((s) => s.kind === "public") ?? open.at(-1);
    if (!share) {
      share = {
        id: deps.secrets.token(12),
        itemId,
        kind: "link",
        createdAt: now,
        expiresAt: null,
        revokedAt: null,
      };
      await r.wallet.insertShare(share);
    }
    const badge = await badgeOf(deps, r, entry);
    const subject = document.credential ? subjectOf(document.credential) : undefined;
    const achievement = subject?.achievement;
    const subjectName = typeof subject?.name === "string" ? subject.name : undefined;
    return deps.files.certificatePdf({
      learnerName: subjectName ?? user?.name ?? "",
      achievementName: entry.display.name,
      achievementDescription: entry.display.description,
      issuerName: entry.display.issuerName ?? "Unknown issuer",
      issuedOn: dateOr(entry.display.issuedOn) ?? entry.addedAt,
      expiresOn: dateOr(entry.display.expiresOn),
      credentialId: entry.display.credentialId ?? entry.id,
      verifyUrl: `${deps.publicUrl}/verify?c=${share.id}`,
      pageSize,
      brandColor: badge.brandColor,
      badgePng: badge.png,
      euFacts: achievementFacts(achievement).slice(0, 6),
    });
  });

/** The plain badge image (PNG) of a wallet credential, for its owner's pages. */
export const walletBadgePng = (deps: FileDeps, userId: string, itemId: string) =>
  deps.uow(async (r) => (await badgeOf(deps, r, await walletEntryIn(r, userId, itemId))).png);
