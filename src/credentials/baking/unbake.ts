import { isPng, unbakePng } from "./png.ts";
import { isSvg, unbakeSvg } from "./svg.ts";

export type UnbakeResult = { found: true; format: "png" | "svg"; value: string } | { found: false };

/** Extracts a baked credential from PNG or SVG bytes; `found: false` for anything else. */
export function unbake(bytes: Uint8Array): UnbakeResult {
  if (isPng(bytes)) {
    const value = unbakePng(bytes);
    return value === undefined ? { found: false } : { found: true, format: "png", value };
  }
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (isSvg(text)) {
    const value = unbakeSvg(new TextDecoder().decode(bytes));
    return value === undefined ? { found: false } : { found: true, format: "svg", value };
  }
  return { found: false };
}
