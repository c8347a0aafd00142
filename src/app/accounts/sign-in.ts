import { DomainError } from "../../domain/errors.ts";
import {
  later,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  normalizeEmail,
  SIGN_IN_WINDOW,
} from "../../domain/rules.ts";
import type { User } from "../../domain/types.ts";
import type { AppDeps } from "../ports.ts";
import { startSession } from "./sessions.ts";

export type SignInInput = { email: string; password: string; ip: string };

// Compared against when the address is unknown, so a miss costs the same time as a wrong password.
const UNKNOWN_USER_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$I04hQQDIrrbHAd/rYoiZzg$JjZLKvvqcREQusDD6JAx3//q1SKmO1qOE80XaUIm+Do";

export async function signIn(
  deps: AppDeps,
  input: SignInInput,
): Promise<{ user: User; sessionToken: string }> {
  const email = normalizeEmail(input.email);
  const since = later(deps.clock(), -SIGN_IN_WINDOW);
  const user = await deps.uow(async (r) => {
    const byEmail = await r.signInAttempts.countFailures({ email }, since);
    const byIp = await r.signInAttempts.countFailures({ ip: input.ip }, since);
    if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
      throw new DomainError(
        "too_many_attempts",
        "Too many failed sign-in attempts. Wait 15 minutes or reset your password.",
      );
    }
    return r.users.findByEmail(email);
  });

  const matches = await deps.passwords.verify(user?.passwordHash ?? UNKNOWN_USER_HASH, input.password);
  // The failed attempt must be committed before we refuse, or throttling would never see it.
  const sessionToken = await deps.uow(async (r) => {
    const succeeded = matches && user !== undefined;
    await r.signInAttempts.record({ email, ip: input.ip, succeeded, at: deps.clock() });
    return user && succeeded ? startSession(deps, r, user.id) : undefined;
  });
  if (!user || !sessionToken) {
    throw new DomainError("invalid_credentials", "The email address or password is not right.");
  }
  return { user, sessionToken };
}
