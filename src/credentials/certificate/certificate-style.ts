import { type RGB, rgb } from "pdf-lib";

export const DEFAULT_BRAND_COLOR = "#0f5c63";

const HEX_COLOR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The issuer's "#rrggbb" as a pdf-lib colour. Anything else (a name, "#abc", a typo) falls back to the
 * default rather than failing: a wrong colour in an issuer's settings must not stop a learner's certificate.
 */
export function brandColor(value: string | undefined): RGB {
  const match = HEX_COLOR.exec(value?.trim() ?? "") ?? HEX_COLOR.exec(DEFAULT_BRAND_COLOR);
  const [r, g, b] = (match?.slice(1) ?? []).map((pair) => Number.parseInt(pair, 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

/** The colour mixed with white: `amount` 0 keeps it, 1 gives white. For light rules and fills. */
export function tint(color: RGB, amount: number): RGB {
  const mix = (channel: number) => channel + (1 - channel) * amount;
  return rgb(mix(color.red), mix(color.green), mix(color.blue));
}

/**
 * "23 November 2026", in UTC so the date does not depend on the server's zone. Spelled out by hand rather
 * than with Intl so a Node built without full ICU prints the same words.
 */
export function formatCertificateDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("A certificate date is not a valid date");
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
