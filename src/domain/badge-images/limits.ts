import { DomainError } from "../errors.ts";

export const BADGE_IMAGE_MAX_BYTES = 512 * 1024;
export const BADGE_MIN_PX = 64;
export const BADGE_MAX_PX = 2048;

export const invalidImage = (message: string) =>
  new DomainError("validation_failed", message, { image: message });

export function checkPixelSize(width: number, height: number): void {
  const ok = (n: number) => n >= BADGE_MIN_PX && n <= BADGE_MAX_PX;
  if (!ok(width) || !ok(height)) {
    throw invalidImage(
      `The image is ${width} × ${height} pixels; each side must be between ${BADGE_MIN_PX} and ${BADGE_MAX_PX}.`,
    );
  }
}

/** The default description of a badge image for people who cannot see it: the achievement's name and description. */
export function defaultAltText(name: string, description?: string | null): string {
  const text = [name.trim(), description?.trim()].filter(Boolean).join(": ");
  return text.length > 250 ? `${text.slice(0, 249).trimEnd()}…` : text;
}
