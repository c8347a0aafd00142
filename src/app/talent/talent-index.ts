import { skillRowsOf } from "../../domain/talent/skill-rows.ts";
import type { WalletEntry } from "../../domain/wallet/types.ts";
import type { Repositories, TalentSkillRow } from "../ports.ts";
import { heldDocumentIn } from "../wallet/held-document.ts";

/**
 * Whether a held credential may speak for the learner to employers: shown (not hidden), naming the learner, and
 * verified when imported. A Cairn award's revocation is read live at search time, so it is not filtered here.
 */
export const countsForTalent = (entry: WalletEntry) =>
  !entry.hidden &&
  entry.subjectMatches !== false &&
  (entry.award !== null || (entry.importChecks ?? []).every((check) => check.status !== "failed"));

/**
 * Rebuilds a learner's rows in the talent index from their wallet when they consented to be found or to share their
 * wallet with an employer; removes them otherwise. Called in the transaction of every change to either.
 */
export async function refreshTalentSkillsIn(r: Repositories, userId: string): Promise<void> {
  if (!(await r.talent.hasConsent(userId))) {
    await r.talent.clearSkills(userId);
    return;
  }
  const rows: TalentSkillRow[] = [];
  for (const entry of await r.wallet.list(userId)) {
    if (!countsForTalent(entry)) continue;
    const held = await heldDocumentIn(r, entry);
    if (!held?.credential) continue;
    for (const row of skillRowsOf(held.credential)) {
      rows.push({ ...row, userId, walletItemId: entry.id, awardId: entry.awardId });
    }
  }
  await r.talent.replaceSkills(userId, rows);
}
