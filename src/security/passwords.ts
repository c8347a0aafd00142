import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../app/ports.ts";

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); `fast` is for tests only, where the cost adds up.
const STANDARD = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function argon2Passwords(options: { fast?: boolean } = {}): PasswordHasher {
  const params = options.fast ? FAST : STANDARD;
  return {
    hash: (password) => hash(password, params),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
