import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { CredentialEngineError } from "./errors.ts";

// Format: "v1.<iv b64url>.<tag b64url>.<ciphertext b64url>". The version prefix lets the app
// re-encrypt under a new scheme later; the optional associated data binds a secret to its row
// (e.g. the key id) so ciphertexts cannot be swapped between rows.
const VERSION = "v1";

function assertMasterKey(masterKey: Uint8Array): void {
  if (masterKey.length !== 32) {
    throw new CredentialEngineError("invalid_master_key", "The master key must be exactly 32 bytes.");
  }
}

/** Encrypts a secret (e.g. a secretKeyMultibase) with AES-256-GCM under a 32-byte master key. */
export function encryptSecret(masterKey: Uint8Array, plaintext: string, associatedData = ""): string {
  assertMasterKey(masterKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/** Decrypts what encryptSecret produced; throws `secret_decryption_failed` on any tampering or wrong key. */
export function decryptSecret(masterKey: Uint8Array, sealed: string, associatedData = ""): string {
  assertMasterKey(masterKey);
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new CredentialEngineError("secret_decryption_failed", "Unrecognised encrypted secret format.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", masterKey, Buffer.from(iv, "base64url"), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch (cause) {
    throw new CredentialEngineError("secret_decryption_failed", "The secret could not be decrypted.", {
      cause,
    });
  }
}
