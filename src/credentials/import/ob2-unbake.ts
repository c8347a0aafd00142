import { inflateSync } from "node:zlib";
import { isPng } from "../baking/png.ts";

// Open Badges 2.0 baking (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/baking/):
// a PNG carries the assertion in an iTXt chunk with keyword "openbadges" (older bakers used tEXt), an
// SVG in <openbadges:assertion verify="URL or JWS">, optionally with the assertion JSON in CDATA.
// The value is a hosted assertion's URL, its JSON, or a signed assertion's compact JWS.

export const OB2_PNG_KEYWORD = "openbadges";
const ELEMENT_PATTERN = /<openbadges:assertion\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:assertion>)/;
const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/** The OB 2.0 baked value of a PNG or SVG, or undefined when there is none. Throws nothing. */
export function unbakeOb2(bytes: Uint8Array): string | undefined {
  try {
    if (isPng(bytes)) return unbakeOb2Png(bytes);
    const text = new TextDecoder().decode(bytes);
    return /<svg\b/.test(text.slice(0, 4096)) ? unbakeOb2Svg(text) : undefined;
  } catch {
    return undefined;
  }
}

export function unbakeOb2Png(png: Uint8Array): string | undefined {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length || type === "IEND") return undefined;
    const data = bytes.subarray(offset + 8, dataEnd);
    const nul = data.indexOf(0);
    if (
      (type === "iTXt" || type === "tEXt") &&
      nul > 0 &&
      data.toString("latin1", 0, nul) === OB2_PNG_KEYWORD
    ) {
      return type === "tEXt" ? data.toString("latin1", nul + 1) : itxtText(data, nul);
    }
    offset = dataEnd + 4;
  }
  return undefined;
}

// iTXt: keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
function itxtText(data: Buffer, keywordEnd: number): string | undefined {
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return undefined;
  const text = data.subarray(translatedEnd + 1);
  return (compressed ? inflateSync(text, { maxOutputLength: MAX_INFLATED_BYTES }) : text).toString("utf8");
}

export function unbakeOb2Svg(svg: string): string | undefined {
  const element = ELEMENT_PATTERN.exec(svg)?.[0];
  if (!element) return undefined;
  const openTag = /^<openbadges:assertion\b[^>]*>/.exec(element)?.[0] ?? "";
  const verify = /\bverify\s*=\s*(["'])([\s\S]*?)\1/.exec(openTag)?.[2];
  const value = verify === undefined ? undefined : unescapeAttribute(verify).trim();
  if (value && JWS_PATTERN.test(value)) return value; // signed: the JWS is the assertion
  const sections = [...element.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1] ?? "");
  const inner = element.slice(openTag.length).replace(/<\/openbadges:assertion>$/, "");
  const json = (sections.length > 0 ? sections.join("") : unescapeAttribute(inner)).trim();
  if (json.startsWith("{")) return json;
  return value || undefined;
}

function unescapeAttribute(value: string): string {
  return value
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}
