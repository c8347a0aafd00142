import { record, subjectOf } from "../wallet/credential-display.ts";

/** One skill a held credential shows, as talent search and skills gaps read it. */
export type SkillRow = {
  skillKey: string;
  skillName: string;
  skillCode: string | null;
  framework: string | null;
  achievementRef: string | null;
  achievementName: string;
  issuerDid: string | null;
  issuerName: string | null;
  eqfLevel: number | null;
  issuedAt: Date | null;
  validUntil: Date | null;
  evidence: string | null;
};

const MAX_EVIDENCE = 400;
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const date = (value: unknown): Date | null => {
  const t = text(value);
  const parsed = t ? new Date(t) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
};

/** How a skill is matched: its framework code when it has one, otherwise its name, case-folded. */
export const skillKeyOf = (skill: { code?: string | null | undefined; name: string }): string =>
  (text(skill.code) ?? skill.name).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** An EQF level 1–8 from an achievement, or null. */
function eqfLevelOf(achievement: Record<string, unknown> | undefined): number | null {
  const level = Number(achievement?.eqfLevel);
  return Number.isInteger(level) && level >= 1 && level <= 8 ? level : null;
}

/** What shows the learner did the work: result values and evidence narratives, in a sentence or two. */
function evidenceOf(credential: Record<string, unknown>, subject: Record<string, unknown> | undefined) {
  const parts = [
    ...list(subject?.result).map((r) => {
      const result = record(r);
      return text(result?.value) ?? text(result?.achievedLevel) ?? text(result?.status);
    }),
    ...list(credential.evidence).map((e) => {
      const evidence = record(e);
      return text(evidence?.narrative) ?? text(evidence?.name) ?? text(evidence?.description);
    }),
  ].filter((part): part is string => part !== undefined);
  const joined = parts.join(" · ");
  return joined ? joined.slice(0, MAX_EVIDENCE) : null;
}

/**
 * The skills an OB 3.0 credential's achievement is aligned to, one row each (a stacked credential's alignments to
 * its components are not skills). The same skill listed twice counts once.
 */
export function skillRowsOf(credential: Record<string, unknown>): SkillRow[] {
  const subject = subjectOf(credential);
  const achievement = record(subject?.achievement);
  const issuer = record(credential.issuer);
  const shared = {
    achievementRef: text(achievement?.id) ?? null,
    achievementName: text(achievement?.name) ?? text(credential.name) ?? "Untitled credential",
    issuerDid: text(credential.issuer) ?? text(issuer?.id) ?? null,
    issuerName: text(issuer?.name) ?? null,
    eqfLevel: eqfLevelOf(achievement),
    issuedAt: date(credential.validFrom) ?? date(credential.issuanceDate),
    validUntil: date(credential.validUntil) ?? date(credential.expirationDate),
    evidence: evidenceOf(credential, subject),
  };
  const rows = new Map<string, SkillRow>();
  for (const value of list(achievement?.alignment)) {
    const alignment = record(value);
    const name = text(alignment?.targetName);
    if (!alignment || !name || alignment.targetType === "ceterms:Credential") continue;
    const code = text(alignment.targetCode) ?? null;
    const skillKey = skillKeyOf({ code, name });
    if (rows.has(skillKey)) continue;
    rows.set(skillKey, {
      ...shared,
      skillKey,
      skillName: name,
      skillCode: code,
      framework: text(alignment.targetFramework) ?? null,
    });
  }
  return [...rows.values()];
}
