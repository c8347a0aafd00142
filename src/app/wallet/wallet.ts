import { DomainError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { type WalletFilter, walletView } from "../../domain/wallet/wallet-view.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps, Repositories } from "../ports.ts";
import { refreshTalentSkillsIn } from "../talent/talent-index.ts";
import { attachHeldIn } from "./attach-awards.ts";

/** The wallet as of now. Credentials awarded since the last visit to the learner's addresses or DID join it first. */
export const listWallet = (deps: AppDeps, userId: string, filter: WalletFilter) =>
  deps.uow(async (r) => {
    await attachHeldIn(deps, r, userId);
    return walletView(await r.wallet.list(userId), filter, deps.clock());
  });

export async function walletEntryIn(r: Repositories, userId: string, itemId: string) {
  const entry = isUuid(itemId) ? await r.wallet.find(userId, itemId) : undefined;
  if (!entry) throw new DomainError("not_found", "There is no such credential in your wallet.");
  return entry;
}

/** Hides or shows a credential in the wallet, or files it in a collection (an empty name takes it out). */
export const organizeWalletItem = (
  deps: AppDeps,
  userId: string,
  itemId: string,
  changes: { hidden?: boolean | undefined; collection?: string | undefined },
) =>
  deps.uow(async (r) => {
    await walletEntryIn(r, userId, itemId);
    const collection = changes.collection?.trim();
    if (collection && collection.length > 60) {
      throw new DomainError("validation_failed", "A collection name has at most 60 characters.", {
        collection: "Use at most 60 characters.",
      });
    }
    await r.wallet.update(userId, itemId, {
      ...(changes.hidden !== undefined ? { hidden: changes.hidden } : {}),
      ...(changes.collection !== undefined ? { collection: collection || null } : {}),
    });
    if (changes.hidden !== undefined) await refreshTalentSkillsIn(r, userId);
  });

/** Removes an imported credential. A Cairn award stays: its issuer's record is the wallet's source. */
export const removeWalletItem = (deps: AppDeps, userId: string, itemId: string) =>
  deps.uow(async (r) => {
    const entry = await walletEntryIn(r, userId, itemId);
    if (entry.awardId) {
      throw new DomainError(
        "award_not_removable",
        "A credential awarded through Cairn can be hidden, not removed.",
      );
    }
    await r.wallet.remove(userId, itemId);
    await refreshTalentSkillsIn(r, userId);
    await audit(r, { action: "wallet.removed", actor: userActor(userId), subject: itemId, at: deps.clock() });
  });
