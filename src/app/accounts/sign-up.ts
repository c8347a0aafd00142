import { DomainError } from "../../domain/errors.ts";
import { normalizeEmail } from "../../domain/rules.ts";
import type { User } from "../../domain/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { sendVerificationLink } from "./email-verification.ts";
import { startSession } from "./sessions.ts";

export type SignUpInput = { email: string; name: string; password: string };

/** Creates an account and signs it in. The first account on an empty install becomes platform admin. */
export async function signUp(
  deps: AppDeps,
  input: SignUpInput,
): Promise<{ user: User; sessionToken: string }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.uow(async (r) => {
    if (await r.users.findByEmail(email)) {
      throw new DomainError("email_taken", "An account with this email address already exists.", {
        email: "An account with this email address already exists. Sign in instead.",
      });
    }
    const now = deps.clock();
    const user: User = {
      id: deps.newId(),
      email,
      name: input.name.trim(),
      passwordHash,
      emailVerifiedAt: null,
      isPlatformAdmin: (await r.users.count()) === 0,
      createdAt: now,
    };
    await r.users.insert(user);
    await sendVerificationLink(deps, r, user);
    await audit(r, {
      action: "user.signed_up",
      actor: userActor(user.id),
      subject: user.id,
      data: { platformAdmin: user.isPlatformAdmin },
      at: now,
    });
    return { user, sessionToken: await startSession(deps, r, user.id) };
  });
}
