import { z } from "zod";
import { INDUSTRIES, PACING, PARTICIPATION_FORMS } from "../achievements/definition.ts";

/** Ranges the catalog filters by; each is a closed set so URLs stay short and shareable. */
export const COST_BANDS = {
  free: { label: "Free", min: 0, max: 0 },
  "under-100": { label: "Under 100", min: 0.01, max: 99.99 },
  "100-500": { label: "100 to 500", min: 100, max: 500 },
  "over-500": { label: "Over 500", min: 500.01, max: undefined },
} as const;
export const DURATION_BANDS = {
  "under-2": { label: "Under 2 weeks", min: undefined, max: 1 },
  "under-6": { label: "Under 6 weeks", min: undefined, max: 5 },
  "under-12": { label: "Under 12 weeks", min: undefined, max: 11 },
  "12-plus": { label: "12 weeks or more", min: 12, max: undefined },
} as const;
export const HOURS_BANDS = {
  "under-5": { label: "Under 5 hours a week", min: undefined, max: 4.99 },
  "5-10": { label: "5 to 10 hours a week", min: 5, max: 10 },
  "over-10": { label: "Over 10 hours a week", min: 10.01, max: undefined },
} as const;
export type Band = { label: string; min: number | undefined; max: number | undefined };
export type CostBand = keyof typeof COST_BANDS;
export type DurationBand = keyof typeof DURATION_BANDS;
export type HoursBand = keyof typeof HOURS_BANDS;

export const SORTS = {
  relevance: "Best match",
  newest: "Newest",
  shortest: "Shortest",
  cheapest: "Cheapest",
  earned: "Most earned",
  fit: "Fits my goals",
} as const;
export type CatalogSort = keyof typeof SORTS;
export const PAGE_SIZE = 12;

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const blankable = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .transform((v) => (v === "" ? undefined : v));

/**
 * The catalog's URL: every filter, the sort and the page. Unknown values are refused (a 400 that says which), so a
 * shared link never silently shows something else than it says.
 */
export const catalogQuery = z.object({
  q: blankable(z.string().trim().max(200, "Search with at most 200 characters.")),
  skill: blankable(z.string().trim().toLowerCase().max(200)),
  industry: blankable(z.enum(INDUSTRIES)),
  provider: blankable(z.string().trim().max(100)),
  accredited: blankable(z.literal("yes")),
  level: blankable(z.coerce.number().int().min(1, "EQF levels are 1–8.").max(8, "EQF levels are 1–8.")),
  cost: blankable(z.enum(keys(COST_BANDS))),
  duration: blankable(z.enum(keys(DURATION_BANDS))),
  hours: blankable(z.enum(keys(HOURS_BANDS))),
  delivery: blankable(z.enum(PARTICIPATION_FORMS)),
  pacing: blankable(z.enum(PACING)),
  language: blankable(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, "Use a language code such as en."),
  ),
  pathway: blankable(z.uuid("Choose a pathway from the list.")),
  sort: blankable(z.enum(keys(SORTS))),
  page: blankable(z.coerce.number().int().min(1, "Pages start at 1.").max(10_000, "No such page.")),
});
export type CatalogQuery = z.output<typeof catalogQuery>;

/** The sort in effect: relevance needs search words; without them the newest come first. */
export const effectiveSort = (query: CatalogQuery): CatalogSort =>
  query.sort ?? (query.q ? "relevance" : "newest");

/** 2 to 4 achievement ids, from `ids=a,b,c` or repeated `ids` (the checkboxes of the catalog). */
export const compareIds = z
  .array(z.string())
  .transform((values) => [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.uuid("That is not a micro-credential of the catalog."))
      .min(2, "Choose two to four micro-credentials to compare.")
      .max(4, "Choose two to four micro-credentials to compare."),
  );
