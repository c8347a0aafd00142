import type { Definition } from "../achievements/definition.ts";

/** Plain-language words for the offer facts of a definition, shared by the public page, catalog and comparison. */
export const wordFor = (value: string | undefined, fallback = "Not stated") =>
  value ? value.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()) : fallback;

export function costText(cost: number | undefined | null, currency: string | undefined | null): string {
  if (cost === undefined || cost === null) return "Not stated";
  if (cost === 0) return "Free";
  const amount = Number.isInteger(cost) ? String(cost) : cost.toFixed(2);
  return `${amount} ${currency ?? ""}`.trim();
}

export function durationText(weeks: number | undefined | null, hoursPerWeek: number | undefined | null) {
  const parts = [
    weeks !== undefined && weeks !== null ? `${weeks} week${weeks === 1 ? "" : "s"}` : "",
    hoursPerWeek !== undefined && hoursPerWeek !== null ? `${hoursPerWeek} h/week` : "",
  ].filter(Boolean);
  return parts.join(", ") || "Not stated";
}

export function deliveryText(
  form: string | undefined | null,
  pacing: string | undefined | null,
  startDates: readonly string[] = [],
) {
  const parts = [
    form ? wordFor(form) : "",
    pacing ? wordFor(pacing).toLowerCase() : "",
    pacing === "cohort" && startDates.length ? `starts ${startDates.join(", ")}` : "",
  ].filter(Boolean);
  return parts.join(", ") || "Not stated";
}

export const languageText = (tag: string | undefined | null) => {
  if (!tag) return "Not stated";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/** The offer facts of a definition as label/value rows. */
export const offerFacts = (d: Definition): [string, string][] => [
  ["Duration", durationText(d.durationWeeks, d.hoursPerWeek)],
  ["Cost", costText(d.cost, d.currency)],
  ["Delivery", deliveryText(d.participationForm, d.pacing, d.startDates)],
  ["Language", languageText(d.inLanguage)],
  ["Industry", wordFor(d.industry)],
  ["Level", d.eqfLevel !== undefined ? `EQF ${d.eqfLevel}` : "Not applicable"],
  ["Credits", d.ects !== undefined ? `${d.ects} ECTS` : "Not stated"],
];
