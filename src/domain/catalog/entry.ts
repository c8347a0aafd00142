import type { Definition } from "../achievements/definition.ts";

/** A published micro-credential as the catalog stores it: the facts it is searched, filtered and sorted by. */
export type CatalogEntryFacts = {
  achievementId: string;
  organizationId: string;
  version: number;
  name: string;
  description: string;
  outcomes: string[];
  /** Lower-cased skill names: the skill facet's values. */
  skills: string[];
  industry: string | null;
  eqfLevel: number | null;
  cost: number | null;
  currency: string | null;
  durationWeeks: number | null;
  hoursPerWeek: number | null;
  delivery: string | null;
  pacing: string | null;
  /** The primary language subtag (en for en-GB). */
  language: string | null;
  ects: number | null;
  assessmentType: string | null;
  publishedAt: Date;
};

export function catalogEntryFacts(
  definition: Definition,
  at: { achievementId: string; organizationId: string; version: number; publishedAt: Date },
): CatalogEntryFacts {
  const d = definition;
  return {
    ...at,
    name: d.name,
    description: d.description,
    outcomes: d.learningOutcomes,
    skills: [...new Set(d.alignments.map((a) => a.targetName.trim().toLowerCase()))],
    industry: d.industry ?? null,
    eqfLevel: d.eqfLevel ?? null,
    cost: d.cost ?? null,
    currency: d.cost ? (d.currency ?? null) : null,
    durationWeeks: d.durationWeeks ?? null,
    hoursPerWeek: d.hoursPerWeek ?? null,
    delivery: d.participationForm ?? null,
    pacing: d.pacing ?? null,
    language: d.inLanguage?.split("-")[0]?.toLowerCase() ?? null,
    ects: d.ects ?? null,
    assessmentType: d.assessmentType ?? null,
  };
}
