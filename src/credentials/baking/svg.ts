import { CredentialEngineError } from "../errors.ts";

// OB 3.0 §5.3.2: `<openbadges:credential>` right inside the root <svg>, JSON-LD in CDATA or a JWS in `verify`.
export const OPENBADGES_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
const ELEMENT_PATTERN = /<openbadges:credential\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:credential>)/;
const SVG_OPEN_PATTERN = /<svg\b[^>]*>/;

export function isSvg(text: string): boolean {
  return SVG_OPEN_PATTERN.test(text.slice(0, 4096));
}

/** Returns the SVG with the credential baked in (replacing an earlier one): JWTs as `verify`, JSON in CDATA. */
export function bakeSvg(svg: string, credential: string): string {
  const withoutOld = svg.replace(ELEMENT_PATTERN, "");
  const open = SVG_OPEN_PATTERN.exec(withoutOld);
  if (!open) throw new CredentialEngineError("invalid_image", "No <svg> element found.");
  let openTag = open[0];
  if (!/xmlns:openbadges=/.test(openTag)) {
    openTag = openTag.replace(/^<svg\b/, `<svg xmlns:openbadges="${OPENBADGES_NAMESPACE}"`);
  }
  const trimmed = credential.trim();
  const element = trimmed.startsWith("{")
    ? `<openbadges:credential><![CDATA[${trimmed.replaceAll("]]>", "]]]]><![CDATA[>")}]]></openbadges:credential>`
    : `<openbadges:credential verify="${escapeAttribute(trimmed)}"/>`;
  const at = open.index;
  return `${withoutOld.slice(0, at)}${openTag}\n  ${element}${withoutOld.slice(at + open[0].length)}`;
}

/** The baked credential text (JSON or compact JWS), or undefined when the SVG carries none. */
export function unbakeSvg(svg: string): string | undefined {
  const element = ELEMENT_PATTERN.exec(svg)?.[0];
  if (!element) return undefined;
  const openTag = /^<openbadges:credential\b[^>]*>/.exec(element)?.[0] ?? "";
  const verify = /\bverify\s*=\s*(["'])([\s\S]*?)\1/.exec(openTag)?.[2];
  if (verify) return unescapeAttribute(verify);
  const sections = [...element.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1] ?? "");
  return sections.length > 0 ? sections.join("") : undefined;
}

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

function unescapeAttribute(value: string): string {
  return value.replaceAll("&lt;", "<").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}
