/** A skill a role profile requires, with the lowest EQF level of credential that shows it (null: any level). */
export type RequiredSkill = {
  skillKey: string;
  skillName: string;
  skillCode: string | null;
  framework: string | null;
  minLevel: number | null;
};

/** A skill a held credential shows, with the credential's level and validity. */
export type HeldSkill = {
  skillKey: string;
  achievementName: string;
  eqfLevel: number | null;
  issuedAt: Date | null;
  validUntil: Date | null;
};

export type GapCell =
  | { status: "met"; credential: string; level: number | null }
  | { status: "below"; credential: string; level: number | null }
  | { status: "missing" };

export const GAP_LABELS = { met: "Met", below: "Below level", missing: "Missing" } as const;

/** Whether a credential counted at `at`: issued by then and not yet expired. */
export const validAt = (held: HeldSkill, at: Date): boolean =>
  (held.issuedAt === null || held.issuedAt <= at) && (held.validUntil === null || held.validUntil > at);

const meets = (held: HeldSkill, minLevel: number | null) =>
  minLevel === null || (held.eqfLevel !== null && held.eqfLevel >= minLevel);

const byLevel = (a: HeldSkill, b: HeldSkill) => (b.eqfLevel ?? 0) - (a.eqfLevel ?? 0);

/**
 * One cell of the skills-gap matrix: met when a credential valid at `at` shows the skill at the minimum level or
 * above (the highest-level one is named), below when only lower-level ones do, missing otherwise.
 */
export function gapCell(required: RequiredSkill, held: readonly HeldSkill[], at: Date): GapCell {
  const candidates = held.filter((h) => h.skillKey === required.skillKey && validAt(h, at)).sort(byLevel);
  const met = candidates.find((h) => meets(h, required.minLevel));
  if (met) return { status: "met", credential: met.achievementName, level: met.eqfLevel };
  const best = candidates[0];
  return best
    ? { status: "below", credential: best.achievementName, level: best.eqfLevel }
    : { status: "missing" };
}

/** A consenting person's required skills and held skills, as coverage reads them. */
export type CoveragePerson = { required: readonly RequiredSkill[]; held: readonly HeldSkill[] };

/** How many required person × skill cells were met at `at`, out of how many. */
export function coverageAt(people: readonly CoveragePerson[], at: Date): { met: number; total: number } {
  let met = 0;
  let total = 0;
  for (const person of people) {
    for (const skill of person.required) {
      total += 1;
      if (gapCell(skill, person.held, at).status === "met") met += 1;
    }
  }
  return { met, total };
}

/** The share met as a whole percentage (0 when nothing is required). */
export const percent = (met: number, total: number): number =>
  total === 0 ? 0 : Math.round((met / total) * 100);
