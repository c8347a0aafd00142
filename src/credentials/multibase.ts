// base58btc ("z") multibase and the Ed25519 multicodec headers used by Multikey.
// Small and dependency-free: the reference libraries keep their base58 package private.

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const ALPHABET_INDEX = new Map([...ALPHABET].map((char, index) => [char, index]));

export const ED25519_PUBLIC_HEADER = Uint8Array.of(0xed, 0x01);
export const ED25519_SECRET_HEADER = Uint8Array.of(0x80, 0x26);

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  return (
    "1".repeat(zeros) +
    digits
      .reverse()
      .map((digit) => ALPHABET[digit])
      .join("")
  );
}

export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  const bytes: number[] = [];
  for (const char of text) {
    const value = ALPHABET_INDEX.get(char);
    if (value === undefined) throw new Error(`Invalid base58btc character "${char}".`);
    let carry = value;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  out.set(bytes.reverse(), zeros);
  return out;
}

/** Decodes a "z…" multibase value carrying the given multicodec header; returns the key bytes. */
export function decodeMultikeyBytes(multibase: string, header: Uint8Array): Uint8Array {
  if (!multibase.startsWith("z")) throw new Error('Expected a base58btc multibase value ("z…").');
  const bytes = base58btcDecode(multibase.slice(1));
  if (bytes[0] !== header[0] || bytes[1] !== header[1]) {
    throw new Error("The multibase value does not carry the expected Ed25519 multicodec header.");
  }
  return bytes.subarray(2);
}

export function encodeMultikeyBytes(keyBytes: Uint8Array, header: Uint8Array): string {
  const bytes = new Uint8Array(header.length + keyBytes.length);
  bytes.set(header);
  bytes.set(keyBytes, header.length);
  return `z${base58btcEncode(bytes)}`;
}
