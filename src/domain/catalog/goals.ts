import { z } from "zod";

/** What a learner aims for: skills (lower-cased names, as the catalog's skill facet has them) and a pathway. */
export type LearnerGoals = {
  userId: string;
  skills: string[];
  pathwayId: string | null;
  updatedAt: Date;
};

export const MAX_GOAL_SKILLS = 20;
const MAX_SKILL_LENGTH = 100;

/** A skill name as the catalog stores it: trimmed, single-spaced, lower-cased. */
export const skillName = (name: string) => name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

const names = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === "string" ? v.split(/[,\n]/) : []));

/**
 * The goals form: the ticked skills kept (`skills`), new ones typed in (`add`, comma-separated) and a pathway (or
 * none). Skills are de-duplicated in the order given.
 */
export const goalsInput = z
  .object({
    skills: z
      .unknown()
      .transform((value) => names(value))
      .optional(),
    add: z.string().max(2_000, "Type at most 2,000 characters of skills at a time.").optional(),
    pathwayId: z
      .union([z.literal(""), z.uuid("Choose a pathway from the list.")])
      .optional()
      .transform((v) => v || null),
  })
  .transform((v, context) => {
    const skills = [...new Set([...(v.skills ?? []), ...names(v.add)].map(skillName).filter(Boolean))];
    const long = skills.find((s) => s.length > MAX_SKILL_LENGTH);
    if (long) {
      context.addIssue({
        code: "custom",
        path: ["add"],
        message: `Skill names have at most ${MAX_SKILL_LENGTH} characters.`,
      });
    }
    if (skills.length > MAX_GOAL_SKILLS) {
      context.addIssue({
        code: "custom",
        path: ["add"],
        message: `Choose at most ${MAX_GOAL_SKILLS} target skills.`,
      });
    }
    return { skills, pathwayId: v.pathwayId };
  });
export type GoalsInput = z.output<typeof goalsInput>;

/**
 * The skills a learner still lacks for their goals: the target skills and those of the target pathway's components,
 * less every skill of a credential they hold. Target skills come first, then the pathway's, each in order.
 */
export function missingSkills(
  targets: readonly string[],
  pathwaySkills: readonly string[],
  held: ReadonlySet<string>,
): string[] {
  return [...new Set([...targets, ...pathwaySkills].map(skillName))].filter((s) => s && !held.has(s));
}

/** Which of an entry's skills are missing ones, in the entry's order. */
export const coveredBy = (entrySkills: readonly string[], missing: readonly string[]) =>
  entrySkills.filter((s) => missing.includes(s));
