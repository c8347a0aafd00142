import { crc32, inflateSync } from "node:zlib";
import { CredentialEngineError } from "../errors.ts";

// OB 3.0 §5.3.1: the credential (JSON-LD text or compact JWS) goes in an iTXt chunk with this keyword.
export const PNG_KEYWORD = "openbadgecredential";
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Chunk = { type: string; data: Buffer; start: number; end: number };

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(SIGNATURE);
}

/** Returns a new PNG carrying `credential` (any earlier OB 3.0 credential chunk is replaced), inserted before IEND. */
export function bakePng(png: Uint8Array, credential: string): Uint8Array {
  const chunks = readChunks(png);
  const iend = chunks.find((chunk) => chunk.type === "IEND");
  if (!iend) throw new CredentialEngineError("invalid_image", "The PNG has no IEND chunk.");
  const kept = chunks.filter((chunk) => !(chunk.type === "iTXt" && keywordOf(chunk.data) === PNG_KEYWORD));
  const source = Buffer.from(png);
  const parts: Buffer[] = [SIGNATURE];
  for (const chunk of kept) {
    if (chunk.type === "IEND") parts.push(encodeChunk("iTXt", itxtData(credential)));
    parts.push(source.subarray(chunk.start, chunk.end));
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The baked credential text, or undefined when the PNG carries none. */
export function unbakePng(png: Uint8Array): string | undefined {
  for (const chunk of readChunks(png)) {
    if (chunk.type !== "iTXt" || keywordOf(chunk.data) !== PNG_KEYWORD) continue;
    return itxtText(chunk.data);
  }
  return undefined;
}

function readChunks(png: Uint8Array): Chunk[] {
  if (!isPng(png)) throw new CredentialEngineError("invalid_image", "Not a PNG file.");
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new CredentialEngineError("invalid_image", "Truncated PNG chunk.");
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length), start: offset, end });
    offset = end;
    if (type === "IEND") break;
  }
  return chunks;
}

function keywordOf(data: Buffer): string {
  const nul = data.indexOf(0);
  return nul < 0 ? "" : data.toString("latin1", 0, nul);
}

// iTXt layout: keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
function itxtData(text: string): Buffer {
  return Buffer.concat([
    Buffer.from(`${PNG_KEYWORD}\0`, "latin1"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from(text, "utf8"),
  ]);
}

function itxtText(data: Buffer): string {
  let offset = data.indexOf(0) + 1;
  const compressed = data[offset] === 1;
  offset += 2;
  const languageEnd = data.indexOf(0, offset);
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (languageEnd < 0 || translatedEnd < 0)
    throw new CredentialEngineError("invalid_image", "Malformed iTXt chunk.");
  const text = data.subarray(translatedEnd + 1);
  return (compressed ? inflateSync(text, { maxOutputLength: 8 * 1024 * 1024 }) : text).toString("utf8");
}

function encodeChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([header, data, crc]);
}
