import { DomainError } from "../../domain/errors.ts";
import { later, normalizeEmail, PASSWORD_RESET_LIFETIME } from "../../domain/rules.ts";
import { audit, userActor } from "../audit.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { passwordResetMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";

/** Always succeeds, whether or not the address has an account, so the form reveals nothing. */
export const requestPasswordReset = (deps: AppDeps, input: { email: string }): Promise<void> =>
  deps.uow(async (r) => {
    const user = await r.users.findByEmail(normalizeEmail(input.email));
    if (!user) return;
    const token = deps.secrets.token();
    const tokenHash = deps.secrets.digest(token);
    const now = deps.clock();
    await r.oneTimeTokens.insert({
      tokenHash,
      purpose: "reset_password",
      userId: user.id,
      createdAt: now,
      expiresAt: later(now, PASSWORD_RESET_LIFETIME),
    });
    await queueMail(
      r,
      `reset_password:${tokenHash}`,
      passwordResetMessage(user.email, `${deps.publicUrl}/password/reset/${token}`),
    );
  });

/** Sets the new password, signs out every session, and marks the address verified (the link proved it). */
export async function resetPassword(
  deps: AppDeps,
  input: { token: string; password: string },
): Promise<void> {
  const passwordHash = await deps.passwords.hash(input.password);
  await deps.uow(async (r) => {
    const now = deps.clock();
    const userId = await r.oneTimeTokens.consume(deps.secrets.digest(input.token), "reset_password", now);
    const user = userId ? await r.users.findById(userId) : undefined;
    if (!user) {
      throw new DomainError("invalid_link", "This password reset link is invalid, expired or already used.");
    }
    await r.users.update(user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now });
    await r.sessions.deleteForUser(user.id);
    await audit(r, { action: "user.password_reset", actor: userActor(user.id), subject: user.id, at: now });
  });
}
