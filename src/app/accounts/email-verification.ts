import { DomainError } from "../../domain/errors.ts";
import { EMAIL_VERIFICATION_LIFETIME, later } from "../../domain/rules.ts";
import type { User } from "../../domain/types.ts";
import { audit, userActor } from "../audit.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { verifyEmailMessage } from "../mail/templates.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { attachHeldIn } from "../wallet/attach-awards.ts";

/** Issues a single-use verification link and queues the mail, in the caller's transaction. */
export async function sendVerificationLink(deps: AppDeps, r: Repositories, user: User): Promise<void> {
  const token = deps.secrets.token();
  const now = deps.clock();
  const tokenHash = deps.secrets.digest(token);
  await r.oneTimeTokens.insert({
    tokenHash,
    purpose: "verify_email",
    userId: user.id,
    createdAt: now,
    expiresAt: later(now, EMAIL_VERIFICATION_LIFETIME),
  });
  const url = `${deps.publicUrl}/verify-email/${token}`;
  await queueMail(r, `verify_email:${tokenHash}`, verifyEmailMessage(user.email, user.name, url));
}

export const resendVerification = (deps: AppDeps, userId: string): Promise<void> =>
  deps.uow(async (r) => {
    const user = await r.users.findById(userId);
    if (!user || user.emailVerifiedAt) return;
    await sendVerificationLink(deps, r, user);
  });

export const verifyEmail = (deps: AppDeps, token: string): Promise<User> =>
  deps.uow(async (r) => {
    const userId = await r.oneTimeTokens.consume(deps.secrets.digest(token), "verify_email", deps.clock());
    const user = userId ? await r.users.findById(userId) : undefined;
    if (!user) {
      throw new DomainError("invalid_link", "This confirmation link is invalid, expired or already used.");
    }
    const emailVerifiedAt = user.emailVerifiedAt ?? deps.clock();
    await r.users.update(user.id, { emailVerifiedAt });
    await attachHeldIn(deps, r, user.id);
    await audit(r, {
      action: "user.email_verified",
      actor: userActor(user.id),
      subject: user.id,
      at: deps.clock(),
    });
    return { ...user, emailVerifiedAt };
  });
