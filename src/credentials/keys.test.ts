import { randomBytes, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./key-encryption.ts";
import {
  ed25519PrivateKeyObject,
  ed25519PublicKeyObject,
  generateEd25519KeyPair,
  parseEd25519KeyPair,
} from "./keys.ts";
import { base58btcDecode, base58btcEncode, decodeMultikeyBytes, ED25519_SECRET_HEADER } from "./multibase.ts";

describe("Ed25519 keys", () => {
  it("generates Multikey pairs that round-trip through plain JSON and sign/verify", async () => {
    const pair = await generateEd25519KeyPair();
    expect(pair.publicKeyMultibase).toMatch(/^z6Mk/);
    // the reference library exports the 64-byte (seed + public key) form
    expect(decodeMultikeyBytes(pair.secretKeyMultibase, ED25519_SECRET_HEADER)).toHaveLength(64);
    const restored = parseEd25519KeyPair(JSON.parse(JSON.stringify(pair)));
    const data = Buffer.from("hello");
    const signature = sign(null, data, ed25519PrivateKeyObject(restored.secretKeyMultibase));
    expect(verify(null, data, ed25519PublicKeyObject(restored.publicKeyMultibase), signature)).toBe(true);
  });

  it("rejects a secret key that does not match its public key", async () => {
    const a = await generateEd25519KeyPair();
    const b = await generateEd25519KeyPair();
    expect(() =>
      parseEd25519KeyPair({
        publicKeyMultibase: a.publicKeyMultibase,
        secretKeyMultibase: b.secretKeyMultibase,
      }),
    ).toThrow(/does not belong/);
  });

  it("encodes base58btc like the reference (leading zeros kept)", () => {
    const bytes = Uint8Array.of(0, 0, 1, 2, 255);
    expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    expect(base58btcEncode(Buffer.from("hello world"))).toBe("StV1DL6CwTryKyV");
  });
});

describe("secret encryption (AES-256-GCM)", () => {
  const masterKey = randomBytes(32);

  it("round-trips and uses a fresh IV each time", () => {
    const a = encryptSecret(masterKey, "zSecret", "key-1");
    const b = encryptSecret(masterKey, "zSecret", "key-1");
    expect(a).not.toBe(b);
    expect(decryptSecret(masterKey, a, "key-1")).toBe("zSecret");
  });

  it("fails on a wrong key, wrong associated data or a flipped byte", () => {
    const sealed = encryptSecret(masterKey, "zSecret", "key-1");
    expect(() => decryptSecret(randomBytes(32), sealed, "key-1")).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(masterKey, sealed, "key-2")).toThrow(/could not be decrypted/);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(masterKey, parts.join("."), "key-1")).toThrow(/could not be decrypted/);
  });

  it("insists on a 32-byte master key", () => {
    expect(() => encryptSecret(randomBytes(16), "x")).toThrow(/32 bytes/);
  });
});
