import { gunzipSync, gzipSync } from "node:zlib";
import { CredentialEngineError } from "../errors.ts";

/** Bitstring Status List v1.0 minimum: 131,072 entries (16 KiB) so one index reveals little. */
export const MIN_STATUS_LIST_LENGTH = 131_072;

// Upper bound on a decoded list (here 16 MiB = 134M entries): a hostile list must not make us inflate gigabytes.
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/** A status list as raw bits; index 0 is the most significant bit of the first byte (left-to-right). */
export type StatusBits = Uint8Array;

export function createStatusBits(length = MIN_STATUS_LIST_LENGTH): StatusBits {
  if (!Number.isSafeInteger(length) || length <= 0 || length % 8 !== 0) {
    throw new CredentialEngineError(
      "invalid_status_list",
      "A status list length must be a positive multiple of 8.",
    );
  }
  return new Uint8Array(length / 8);
}

export function getStatusBit(bits: StatusBits, index: number): boolean {
  assertIndex(bits, index);
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** Returns a new bitstring with one bit set or cleared (inputs are never mutated). */
export function withStatusBit(bits: StatusBits, index: number, value: boolean): StatusBits {
  assertIndex(bits, index);
  const copy = bits.slice();
  const mask = 0x80 >> (index & 7);
  copy[index >> 3] = value ? (copy[index >> 3] ?? 0) | mask : (copy[index >> 3] ?? 0) & ~mask;
  return copy;
}

/** Multibase base64url ("u") of the GZIP of the bits: the `encodedList` value. */
export function encodeStatusList(bits: StatusBits): string {
  return `u${gzipSync(bits).toString("base64url")}`;
}

export function decodeStatusList(encodedList: string): StatusBits {
  if (!encodedList.startsWith("u")) {
    throw new CredentialEngineError("invalid_status_list", 'encodedList must be multibase base64url ("u…").');
  }
  try {
    const gz = Buffer.from(encodedList.slice(1), "base64url");
    return new Uint8Array(gunzipSync(gz, { maxOutputLength: MAX_DECODED_BYTES }));
  } catch (cause) {
    throw new CredentialEngineError("invalid_status_list", "encodedList is not a GZIP'd bitstring.", {
      cause,
    });
  }
}

/**
 * Draws a list index uniformly at random from an injected source of random 32-bit integers
 * (e.g. `() => crypto.randomInt(2 ** 32)`); rejection sampling avoids modulo bias. The app retries on
 * a uniqueness conflict in its database.
 */
export function drawStatusIndex(randomUint32: () => number, length = MIN_STATUS_LIST_LENGTH): number {
  const limit = 2 ** 32 - (2 ** 32 % length);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = randomUint32();
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** 32) throw new RangeError("Expected a uint32.");
    if (value < limit) return value % length;
  }
  throw new CredentialEngineError(
    "random_source_failed",
    "The random source kept returning out-of-range values.",
  );
}

function assertIndex(bits: StatusBits, index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new CredentialEngineError("invalid_status_index", `Status index ${index} is outside the list.`);
  }
}
