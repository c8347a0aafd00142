import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { normalizeEmail } from "../../domain/open-badges/identity-hash.ts";
import { EMAIL_VERIFICATION_LIFETIME, later } from "../../domain/rules.ts";
import { audit, userActor } from "../audit.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { confirmAddressMessage } from "../mail/templates.ts";
import type { AppDeps } from "../ports.ts";
import { attachHeldIn } from "./attach-awards.ts";

const MAX_ADDRESSES = 10;
const addressPurpose = (id: string) => `verify_address:${id}` as const;

export const listAddresses = (deps: AppDeps, userId: string) => deps.uow((r) => r.wallet.emails(userId));

/** Adds an address to the account, unconfirmed, and mails it a single-use confirmation link. */
export const addAddress = (deps: AppDeps, userId: string, raw: string) =>
  deps.uow(async (r) => {
    const parsed = z.email().safeParse(raw.trim());
    if (!parsed.success) {
      throw new DomainError("validation_failed", "Enter an email address.", {
        email: "Enter an email address like name@example.org.",
      });
    }
    const email = normalizeEmail(parsed.data);
    const [user, owner, existing, mine] = await Promise.all([
      r.users.findById(userId),
      r.users.findByEmail(email),
      r.wallet.findEmail(email),
      r.wallet.emails(userId),
    ]);
    if (!user) throw new DomainError("not_found", "There is no such account.");
    if (owner || existing) {
      const yours = owner?.id === userId || existing?.userId === userId;
      throw new DomainError(
        "email_taken",
        yours ? "This address is already on your account." : "This address belongs to another account.",
        {
          email: yours
            ? "This address is already on your account."
            : "This address belongs to another Cairn account.",
        },
      );
    }
    if (mine.length >= MAX_ADDRESSES) {
      throw new DomainError("validation_failed", `An account has at most ${MAX_ADDRESSES} extra addresses.`, {
        email: `Remove an address first: at most ${MAX_ADDRESSES}.`,
      });
    }
    const now = deps.clock();
    const id = deps.newId();
    await r.wallet.insertEmail({ id, userId, email, verifiedAt: null, createdAt: now });
    const token = deps.secrets.token();
    const tokenHash = deps.secrets.digest(token);
    await r.oneTimeTokens.insert({
      tokenHash,
      purpose: addressPurpose(id),
      userId,
      createdAt: now,
      expiresAt: later(now, EMAIL_VERIFICATION_LIFETIME),
    });
    const url = `${deps.publicUrl}/account/addresses/${id}/confirm/${token}`;
    await queueMail(r, `verify_address:${tokenHash}`, confirmAddressMessage(email, user.name, url));
    await audit(r, { action: "user.address_added", actor: userActor(userId), subject: id, at: now });
  });

/** The address a confirmation link is for, when it is waiting on the signed-in account. */
export const pendingAddress = (deps: AppDeps, userId: string, addressId: string) =>
  deps.uow(async (r) => {
    const address = (await r.wallet.emails(userId)).find((e) => e.id === addressId);
    if (!address) {
      throw new DomainError(
        "invalid_link",
        "This link confirms an address for another Cairn account. Sign in with the account that added the address.",
      );
    }
    return address;
  });

/**
 * Confirms an address from its mailed link, by the account that added it (a link opened by anyone else, or by a
 * mail scanner, changes nothing), and brings every credential awarded to it into the wallet.
 */
export const confirmAddress = (deps: AppDeps, userId: string, addressId: string, token: string) =>
  deps.uow(async (r) => {
    const now = deps.clock();
    if (!(await r.wallet.emails(userId)).some((e) => e.id === addressId)) {
      throw new DomainError("invalid_link", "This link confirms an address for another Cairn account.");
    }
    const owner = await r.oneTimeTokens.consume(deps.secrets.digest(token), addressPurpose(addressId), now);
    if (owner !== userId) {
      throw new DomainError("invalid_link", "This confirmation link is invalid, expired or already used.");
    }
    await r.wallet.verifyEmail(addressId, now);
    const attached = await attachHeldIn(deps, r, userId);
    await audit(r, {
      action: "user.address_confirmed",
      actor: userActor(userId),
      subject: addressId,
      data: { attached },
      at: now,
    });
    return attached;
  });

/** Takes an address off the account; credentials already in the wallet stay there. */
export const removeAddress = (deps: AppDeps, userId: string, addressId: string) =>
  deps.uow(async (r) => {
    if (!(await r.wallet.emails(userId)).some((e) => e.id === addressId)) {
      throw new DomainError("not_found", "There is no such address on your account.");
    }
    await r.wallet.removeEmail(userId, addressId);
    await audit(r, {
      action: "user.address_removed",
      actor: userActor(userId),
      subject: addressId,
      at: deps.clock(),
    });
  });
