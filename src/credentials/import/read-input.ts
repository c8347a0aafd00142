import { isPng } from "../baking/png.ts";
import { isSvg } from "../baking/svg.ts";
import { unbake } from "../baking/unbake.ts";
import { errorMessage } from "../verify/types.ts";
import { unbakeOb2 } from "./ob2-unbake.ts";

// Turns what a learner hands the wallet (a file's bytes, pasted text, a URL) into the text of one
// credential: OB 3.0 baked images first, then OB 2.0 baked images, else the input itself as text.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type InputText = { ok: true; text: string } | { ok: false; message: string };

export function readInputText(input: Uint8Array | string): InputText {
  if (typeof input === "string") {
    const trimmed = input.trim();
    if (trimmed.startsWith("<")) return readBytes(new TextEncoder().encode(trimmed));
    return nonEmpty(trimmed);
  }
  if (!(input instanceof Uint8Array)) return { ok: false, message: "Expected a file's bytes or text." };
  return readBytes(input);
}

function readBytes(bytes: Uint8Array): InputText {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return { ok: false, message: `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB.` };
  let ob3: ReturnType<typeof unbake>;
  try {
    ob3 = unbake(bytes);
  } catch (error) {
    return { ok: false, message: `The image could not be read: ${errorMessage(error)}` };
  }
  if (ob3.found) return nonEmpty(ob3.value.trim());
  const ob2 = unbakeOb2(bytes);
  if (ob2 !== undefined) return nonEmpty(ob2.trim());
  if (isPng(bytes)) return { ok: false, message: "This PNG image carries no badge." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "This file is neither a badge image nor text." };
  }
  if (isSvg(text)) return { ok: false, message: "This SVG image carries no badge." };
  return nonEmpty(text.replace(/^\uFEFF/, "").trim());
}

function nonEmpty(text: string): InputText {
  return text === "" ? { ok: false, message: "The input is empty." } : { ok: true, text };
}
