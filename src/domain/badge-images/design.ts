import { z } from "zod";
import { BADGE_ICON_NAMES, BADGE_ICONS } from "./icons.ts";

export const BADGE_SHAPES = {
  circle: "Circle",
  shield: "Shield",
  hexagon: "Hexagon",
  "rounded-square": "Rounded square",
} as const;
export const DESIGN_SIZE = 512;
export const TITLE_MAX = 32;

const colour = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, `Choose the ${name} colour as #rrggbb.`)
    .transform((v) => v.toLowerCase());

/** A badge designed from Cairn's template. */
export const badgeDesignInput = z.object({
  shape: z.enum(Object.keys(BADGE_SHAPES) as [keyof typeof BADGE_SHAPES], { error: "Choose a shape." }),
  primary: colour("main"),
  secondary: colour("accent"),
  icon: z.enum(BADGE_ICON_NAMES as [string, ...string[]], { error: "Choose an icon." }),
  title: z.string().trim().max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`).default(""),
});
export type BadgeDesign = z.output<typeof badgeDesignInput>;

export const DEFAULT_DESIGN: BadgeDesign = {
  shape: "circle",
  primary: "#1f4e79",
  secondary: "#f2b134",
  icon: "star",
  title: "",
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

const OUTLINES: Record<keyof typeof BADGE_SHAPES, string> = {
  circle: '<circle cx="256" cy="256" r="240"/>',
  shield: '<path d="M256 16 464 88v152c0 128-88 216-208 256C136 456 48 368 48 240V88z"/>',
  hexagon: '<path d="M256 16 464 136v240L256 496 48 376V136z"/>',
  "rounded-square": '<rect x="24" y="24" width="464" height="464" rx="72"/>',
};

/** The design as a self-contained SVG: no scripts, no external references, text in a generic font family. */
export function renderBadgeSvg(design: BadgeDesign): string {
  const icon = BADGE_ICONS[design.icon as keyof typeof BADGE_ICONS];
  const title = design.title
    ? `<text x="256" y="404" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="${design.title.length > 16 ? 30 : 40}" fill="#ffffff">${escapeXml(design.title)}</text>`
    : "";
  const iconY = design.title ? 96 : 136;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DESIGN_SIZE}" height="${DESIGN_SIZE}" viewBox="0 0 512 512">`,
    `<g fill="${design.secondary}">${OUTLINES[design.shape]}</g>`,
    `<g fill="${design.primary}" transform="translate(256 256) scale(0.9) translate(-256 -256)">${OUTLINES[design.shape]}</g>`,
    `<path fill="${design.secondary}" transform="translate(136 ${iconY}) scale(10)" d="${icon.path}"/>`,
    title,
    "</svg>",
  ].join("");
}
