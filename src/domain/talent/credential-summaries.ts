import type { SkillRow } from "./skill-rows.ts";

/** One held credential as an employer sees it in talent search: what, from whom, when, the evidence, and its skills. */
export type CredentialSummary = {
  walletItemId: string;
  achievementName: string;
  issuerName: string | null;
  issuerDid: string | null;
  eqfLevel: number | null;
  issuedAt: Date | null;
  validUntil: Date | null;
  evidence: string | null;
  skills: string[];
};

/** Groups skill rows into the credentials they came from, keeping the rows' order (newest first from the query). */
export function credentialSummaries(
  rows: readonly (SkillRow & { walletItemId: string })[],
): CredentialSummary[] {
  const byItem = new Map<string, CredentialSummary>();
  for (const row of rows) {
    const found = byItem.get(row.walletItemId);
    if (found) {
      if (!found.skills.includes(row.skillName)) found.skills.push(row.skillName);
      continue;
    }
    byItem.set(row.walletItemId, {
      walletItemId: row.walletItemId,
      achievementName: row.achievementName,
      issuerName: row.issuerName,
      issuerDid: row.issuerDid,
      eqfLevel: row.eqfLevel,
      issuedAt: row.issuedAt,
      validUntil: row.validUntil,
      evidence: row.evidence,
      skills: [row.skillName],
    });
  }
  return [...byItem.values()];
}
