import type { AppDeps } from "../ports.ts";
import { attachAwardsIn, verifiedEmailsIn } from "../wallet/attach-awards.ts";
import { shareWalletItem } from "../wallet/share-credential.ts";

/**
 * Puts each demo learner's credentials in their wallet (their addresses are verified) and makes the first learner's
 * newest credential public, so the wallet and a public credential page can be seen at once. Safe to re-run.
 */
export async function fillDemoWallets(deps: AppDeps, learnerEmails: string[]) {
  const shared: { learner: string; url: string }[] = [];
  for (const [i, email] of learnerEmails.entries()) {
    const user = await deps.uow((r) => r.users.findByEmail(email));
    if (!user) continue;
    const items = await deps.uow(async (r) => {
      await attachAwardsIn(deps, r, user.id, await verifiedEmailsIn(r, user.id));
      return r.wallet.list(user.id);
    });
    const first = items[0];
    if (i === 0 && first) {
      const share = await shareWalletItem(deps, user.id, first.id, { kind: "public" });
      shared.push({ learner: user.name, url: `${deps.publicUrl}/c/${share.id}` });
    }
  }
  return shared;
}
