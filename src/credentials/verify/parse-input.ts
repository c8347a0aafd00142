import { unbake } from "../baking/unbake.ts";
import { decodeVcJwt } from "../proofs/vc-jwt.ts";
import {
  DEFAULT_MAX_INPUT_BYTES,
  DEFAULT_MAX_JSON_DEPTH,
  errorMessage,
  isRecord,
  type JsonRecord,
} from "./types.ts";

export type ParsedInput =
  | { kind: "ldp"; credential: JsonRecord }
  | { kind: "jwt"; jwt: string; credential: JsonRecord; header: JsonRecord; payload: JsonRecord }
  | { kind: "presentation"; presentation: JsonRecord }
  | { kind: "error"; message: string };

export type ParseLimits = { maxInputBytes?: number; maxJsonDepth?: number };

const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Turns any accepted input (JSON text or object, VC-JWT, baked PNG/SVG bytes) into a credential or presentation. */
export function parseInput(input: unknown, limits: ParseLimits = {}): ParsedInput {
  const maxBytes = limits.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const maxDepth = limits.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  try {
    if (input instanceof Uint8Array) {
      if (input.byteLength > maxBytes) return tooLarge(input.byteLength, maxBytes);
      const baked = unbake(input);
      if (baked.found) return parseText(baked.value, maxBytes, maxDepth);
      return parseText(new TextDecoder().decode(input), maxBytes, maxDepth);
    }
    if (typeof input === "string") return parseText(input, maxBytes, maxDepth);
    if (isRecord(input)) {
      if (jsonDepth(input, maxDepth) > maxDepth)
        return { kind: "error", message: `JSON nested deeper than ${maxDepth}.` };
      return classify(input);
    }
    return { kind: "error", message: "Expected a credential: JSON, a VC-JWT, or a baked PNG/SVG." };
  } catch (error) {
    return { kind: "error", message: errorMessage(error) };
  }
}

function parseText(raw: string, maxBytes: number, maxDepth: number): ParsedInput {
  const size = Buffer.byteLength(raw, "utf8");
  if (size > maxBytes) return tooLarge(size, maxBytes);
  const text = raw.trim();
  if (JWT_PATTERN.test(text)) {
    const decoded = decodeVcJwt(text);
    return { kind: "jwt", jwt: text, ...decoded };
  }
  // Depth is checked on the text before parsing, so nothing recursive ever sees a hostile document.
  if (textDepth(text) > maxDepth) return { kind: "error", message: `JSON nested deeper than ${maxDepth}.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "error", message: `Malformed JSON: ${errorMessage(error)}` };
  }
  if (!isRecord(value)) return { kind: "error", message: "Expected a JSON object." };
  return classify(value);
}

function classify(value: JsonRecord): ParsedInput {
  const types = Array.isArray(value.type) ? value.type : [value.type];
  if (types.includes("VerifiablePresentation")) return { kind: "presentation", presentation: value };
  return { kind: "ldp", credential: value };
}

function tooLarge(size: number, maxBytes: number): ParsedInput {
  return { kind: "error", message: `Input of ${size} bytes exceeds the ${maxBytes}-byte limit.` };
}

/** Maximum bracket nesting of JSON text, ignoring brackets inside strings. */
export function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") max = Math.max(max, ++depth);
    else if (char === "}" || char === "]") depth--;
  }
  return max;
}

/** Nesting depth of a parsed value, iteratively and stopping early past the limit. */
function jsonDepth(root: unknown, limit: number): number {
  const stack: Array<[unknown, number]> = [[root, 1]];
  let max = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== "object" || value === null) continue;
    max = Math.max(max, depth);
    if (max > limit) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}
