import { invalidImage } from "./limits.ts";

/**
 * Checks an uploaded SVG conservatively and refuses anything that could run code or fetch from elsewhere:
 * scripts, foreign content, event handlers, javascript: URLs, external references, DTDs and stylesheets.
 * Refusing (rather than silently stripping) tells the uploader exactly what to remove.
 */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "foreignobject",
  "iframe",
  "embed",
  "object",
  "handler",
  "listener",
  "audio",
  "video",
  "canvas",
]);
const SAFE_REFERENCE = /^(#[\w.:-]*|data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]*)$/i;
const REFERENCE_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(
      /&(colon|tab|newline);/gi,
      (_, n: string) => ({ colon: ":", tab: "\t", newline: "\n" })[n.toLowerCase()] ?? "",
    );

const refuse = (what: string) =>
  invalidImage(`The SVG was refused: ${what}. Remove it and upload the image again.`);

function checkUrls(text: string, where: string) {
  for (const match of text.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!SAFE_REFERENCE.test((match[2] ?? "").trim()))
      throw refuse(`${where} refers to an outside address (${match[2]})`);
  }
  if (/@import/i.test(text)) throw refuse(`${where} imports a stylesheet`);
}

export type SvgSize = { width: number; height: number };

const pixels = (value: string | undefined) => {
  const match = /^\s*([\d.]+)\s*(px)?\s*$/.exec(value ?? "");
  return match ? Math.round(Number(match[1])) : undefined;
};

/** Validates the SVG and returns its size in pixels (width/height attributes, else the viewBox). */
export function checkSvg(bytes: Uint8Array): SvgSize {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidImage("The SVG is not valid UTF-8 text.");
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw refuse("it declares a DOCTYPE or entities");
  if (/<\?xml-stylesheet/i.test(text)) throw refuse("it links a stylesheet");
  const body = text.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1");
  if (/javascript\s*:/i.test(decodeEntities(body))) throw refuse("it contains a javascript: URL");
  checkUrls(decodeEntities(body), "a style");
  let root: Record<string, string> | undefined;
  for (const tag of body.matchAll(/<([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = (tag[1] ?? "").toLowerCase();
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    if (FORBIDDEN_ELEMENTS.has(local)) throw refuse(`it contains a <${tag[1]}> element`);
    const attributes = parseAttributes(tag[2] ?? "");
    for (const [key, raw] of Object.entries(attributes)) {
      const attribute = key.toLowerCase();
      const value = decodeEntities(raw).trim();
      if (attribute.startsWith("on")) throw refuse(`the ${attribute} event-handler attribute`);
      if (REFERENCE_ATTRIBUTES.has(attribute) && !SAFE_REFERENCE.test(value)) {
        throw refuse(`<${tag[1]}> refers to an outside address (${value.slice(0, 80)})`);
      }
      if ((local === "set" || local.startsWith("animate")) && /href|src/i.test(value)) {
        throw refuse(`<${tag[1]}> animates a link`);
      }
    }
    root ??= local === "svg" ? attributes : undefined;
  }
  if (!root) throw invalidImage("The file is not an SVG image: it has no <svg> element.");
  const viewBox = (root.viewBox ?? "")
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = pixels(root.width) ?? (viewBox.length === 4 ? Math.round(viewBox[2] ?? 0) : undefined);
  const height = pixels(root.height) ?? (viewBox.length === 4 ? Math.round(viewBox[3] ?? 0) : undefined);
  if (!width || !height) throw invalidImage("The SVG needs a viewBox, or width and height in pixels.");
  return { width, height };
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const rest = source.replace(/([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g, (_, name: string, __, d, s) => {
    attributes[name] = d ?? s ?? "";
    return " ";
  });
  if (/[^\s/]/.test(rest)) throw refuse("a tag has attributes that are not well-formed XML");
  return attributes;
}
