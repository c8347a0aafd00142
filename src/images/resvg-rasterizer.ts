import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { SvgRasterizer } from "../app/ports.ts";

const DEJAVU = "/usr/share/fonts/truetype/dejavu";

/**
 * The resvg adapter. Designed badges use the generic "sans-serif" family: it maps to DejaVu Sans when Debian's
 * fonts are installed, otherwise to whatever the system offers.
 */
export function resvgRasterizer(fontDir = DEJAVU): SvgRasterizer {
  const dejavu = existsSync(fontDir);
  const font = dejavu
    ? {
        loadSystemFonts: false,
        fontDirs: [fontDir],
        defaultFontFamily: "DejaVu Sans",
        sansSerifFamily: "DejaVu Sans",
      }
    : { loadSystemFonts: true };
  return {
    toPng(svg, width) {
      const rendered = new Resvg(svg, {
        font,
        fitTo: { mode: "width", value: width },
        logLevel: "off",
      }).render();
      return new Uint8Array(rendered.asPng());
    },
  };
}
