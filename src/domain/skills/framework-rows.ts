import { z } from "zod";
import { type SkillRecord, type SkillSource, searchTextOf } from "./types.ts";

/** The layouts Cairn reads; docs/skills.md lists the columns. */
export type FrameworkLayout = Exclude<SkillSource, "cairn">;

export const MAX_SKILL_ROWS = 50_000;
export const MAX_REPORTED_ROW_ERRORS = 50;

const text = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null);
const label = text(300).min(1, "is empty");

/** ESCO skills CSV (skills_en.csv): one row per concept. */
const escoRow = z.object({
  conceptType: z.string().optional(),
  conceptUri: z
    .url({ protocol: /^https?$/, error: "is not an http(s) URI" })
    .max(500, "is longer than 500 characters"),
  preferredLabel: label,
  altLabels: z.string().optional(),
  description: optionalText(5000),
});

/** O*NET Content Model Reference (and the element columns of Skills.txt and similar files). */
const onetRow = z.object({
  "Element ID": z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, "is not an O*NET element id like 2.A.1.a"),
  "Element Name": label,
  Description: optionalText(5000),
});

/** Which layout a header row is in, or undefined when neither. */
export function detectLayout(headers: readonly string[]): FrameworkLayout | undefined {
  const has = (name: string) => headers.includes(name);
  if (has("conceptUri") && has("preferredLabel")) return "esco";
  if (has("Element ID") && has("Element Name")) return "onet";
  return undefined;
}

export const ONET_DESCRIPTOR_URL = "https://www.onetonline.org/find/descriptor/result/";

export type RowResult = { ok: true; skill: SkillRecord } | { ok: false; message: string };

const describe = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join(".") || "row"} ${i.message}`).join("; ");

/** Validates one parsed row (column name → value) and maps it to a skill. */
export function toSkill(layout: FrameworkLayout, row: Record<string, string>): RowResult {
  if (layout === "esco") {
    const parsed = escoRow.safeParse(row);
    if (!parsed.success) return { ok: false, message: describe(parsed.error.issues) };
    const r = parsed.data;
    const alt = (r.altLabels ?? "")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      ok: true,
      skill: {
        code: r.conceptUri,
        name: r.preferredLabel,
        description: r.description,
        url: r.conceptUri,
        searchText: searchTextOf(r.preferredLabel, r.conceptUri, alt),
      },
    };
  }
  const parsed = onetRow.safeParse(row);
  if (!parsed.success) return { ok: false, message: describe(parsed.error.issues) };
  const r = parsed.data;
  return {
    ok: true,
    skill: {
      code: r["Element ID"],
      name: r["Element Name"],
      description: r.Description,
      url: `${ONET_DESCRIPTOR_URL}${r["Element ID"]}`,
      searchText: searchTextOf(r["Element Name"], r["Element ID"]),
    },
  };
}

/**
 * O*NET data files repeat an element once per occupation and scale: identical repeats are expected.
 * A code that comes back with another name is an error in either layout.
 */
export function duplicateProblem(
  layout: FrameworkLayout,
  previous: SkillRecord,
  next: SkillRecord,
): string | "skip" {
  if (layout === "onet" && previous.name === next.name) return "skip";
  return `repeats the code ${next.code}`;
}
