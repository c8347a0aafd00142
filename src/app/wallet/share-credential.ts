import { DomainError } from "../../domain/errors.ts";
import { later } from "../../domain/rules.ts";
import { type ShareKind, shareOpen, type WalletShare } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { badgeOf, type FileDeps } from "./credential-files.ts";
import { heldDocumentIn } from "./held-document.ts";
import { walletEntryIn } from "./wallet.ts";

const DAY = 24 * 60 * 60 * 1000;
export const MAX_LINK_DAYS = 365;

/**
 * Makes a credential public (one listed share, no expiry) or creates an unlisted link, optionally expiring after
 * 1–365 days. Making public again returns the open public share rather than a second one.
 */
export const shareWalletItem = (
  deps: AppDeps,
  userId: string,
  itemId: string,
  input: { kind: ShareKind; expiresInDays?: number | undefined },
) =>
  deps.uow(async (r): Promise<WalletShare> => {
    await walletEntryIn(r, userId, itemId);
    const now = deps.clock();
    if (input.kind === "public") {
      const open = (await r.wallet.shares(itemId)).find(
        (s) => s.kind === "public" && shareOpen(s, now) === "open",
      );
      if (open) return open;
    }
    const days = input.expiresInDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS)) {
      throw new DomainError("validation_failed", `A link lasts between 1 and ${MAX_LINK_DAYS} days.`, {
        expiresInDays: `Choose between 1 and ${MAX_LINK_DAYS} days, or no expiry.`,
      });
    }
    const share: WalletShare = {
      id: deps.secrets.token(12),
      itemId,
      kind: input.kind,
      createdAt: now,
      expiresAt: input.kind === "link" && days ? later(now, days * DAY) : null,
      revokedAt: null,
    };
    await r.wallet.insertShare(share);
    await audit(r, {
      action: "wallet.shared",
      actor: userActor(userId),
      subject: itemId,
      data: { kind: share.kind, expiresAt: share.expiresAt?.toISOString() ?? null },
      at: now,
    });
    return share;
  });

/** Stops one share (or, with no share id, every share: the credential is private again). */
export const revokeWalletShare = (deps: AppDeps, userId: string, itemId: string, shareId?: string) =>
  deps.uow(async (r) => {
    await walletEntryIn(r, userId, itemId);
    const now = deps.clock();
    const open = (await r.wallet.shares(itemId)).filter((s) => shareOpen(s, now) === "open");
    for (const share of open.filter((s) => !shareId || s.id === shareId)) {
      await r.wallet.revokeShare(itemId, share.id, now);
    }
    await audit(r, { action: "wallet.unshared", actor: userActor(userId), subject: itemId, at: now });
  });

export const walletShares = (deps: AppDeps, userId: string, itemId: string) =>
  deps.uow(async (r) => {
    await walletEntryIn(r, userId, itemId);
    return r.wallet.shares(itemId);
  });

/**
 * What a share opens: the credential, its holder's name and the signed document. An unknown share is not found; an
 * expired or stopped one is gone (410), so a link preview or a bookmark learns it will not come back.
 */
export const openShare = (deps: AppDeps, shareId: string) =>
  deps.uow(async (r) => {
    const found = await r.wallet.findShare(shareId);
    if (!found) throw new DomainError("not_found", "There is no shared credential at this address.");
    const state = shareOpen(found.share, deps.clock());
    if (state !== "open") {
      throw new DomainError(
        "share_gone",
        state === "expired"
          ? "This share link has expired. Ask the credential's holder for a new one."
          : "The holder of this credential stopped sharing it.",
      );
    }
    const [holder, document] = await Promise.all([
      r.users.findById(found.entry.userId),
      heldDocumentIn(r, found.entry),
    ]);
    if (!holder || !document)
      throw new DomainError("not_found", "There is no shared credential at this address.");
    return { ...found, holderName: holder.name, document };
  });

/** The plain badge image of a shared credential, for its public page and link previews. */
export const sharedBadgePng = (deps: FileDeps, shareId: string) =>
  openShare(deps, shareId).then((shared) =>
    deps.uow(async (r) => (await badgeOf(deps, r, shared.entry)).png),
  );
