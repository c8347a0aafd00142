import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { Secrets } from "../app/ports.ts";

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

/** 256-bit random tokens; SHA-256 digests are all the database holds, so a leaked table opens nothing. */
export const nodeSecrets: Secrets = {
  token: (bytes = 32) => randomBytes(bytes).toString("base64url"),
  digest,
  matches(token, expected) {
    const actual = Buffer.from(digest(token));
    const wanted = Buffer.from(expected);
    return actual.length === wanted.length && timingSafeEqual(actual, wanted);
  },
};

export const newId = (): string => randomUUID();

export const randomUint32 = (): number => randomInt(0, 2 ** 32 - 1);
