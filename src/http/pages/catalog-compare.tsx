import type { ComparedEntry } from "../../app/catalog/compare-catalog.ts";
import {
  costText,
  deliveryText,
  durationText,
  languageText,
  wordFor,
} from "../../domain/catalog/offer-text.ts";

type Row = [string, (e: ComparedEntry) => unknown];

const list = (items: readonly unknown[], none: string) =>
  items.length ? (
    <ul>
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  ) : (
    none
  );

const ROWS: Row[] = [
  ["Provider", (e) => <a href={`/catalog/providers/${e.organizationSlug}`}>{e.organizationName}</a>],
  ["Learning outcomes", (e) => list(e.definition.learningOutcomes, "Not stated")],
  [
    "Skills",
    (e) =>
      list(
        e.definition.alignments.map((a) => a.targetName),
        "None listed",
      ),
  ],
  ["Assessment", (e) => wordFor(e.definition.assessmentType)],
  [
    "Workload",
    (e) =>
      [
        durationText(e.durationWeeks, e.hoursPerWeek),
        e.definition.workloadHours !== undefined ? `${e.definition.workloadHours} hours in all` : "",
        e.ects !== null ? `${e.ects} ECTS` : "",
      ]
        .filter(Boolean)
        .join(" · "),
  ],
  ["Cost", (e) => costText(e.cost, e.currency)],
  ["Format", (e) => deliveryText(e.delivery, e.pacing, e.definition.startDates)],
  ["Language", (e) => languageText(e.language)],
  ["Level", (e) => (e.eqfLevel !== null ? `EQF ${e.eqfLevel}` : "Not applicable")],
  [
    "Accreditation",
    (e) => (e.accreditedBy.length ? `Accredited by ${e.accreditedBy.join(", ")}` : "Not accredited"),
  ],
  [
    "Stacks toward",
    (e) =>
      list(
        e.stacksToward.map((p) => <a href={`/achievements/${p.id}`}>{p.name}</a>),
        e.definition.stackability ?? "No pathway on Cairn",
      ),
  ],
  ["Earners", (e) => String(e.earned)],
];

/** The comparison: one column per micro-credential, one row per fact; scrolls sideways on its own on a phone. */
export function ComparisonTable({ entries }: { entries: ComparedEntry[] }) {
  return (
    <section aria-label="Comparison table" tabindex={0} class="table-wrap compare">
      <table>
        <caption class="visually-hidden">{entries.length} micro-credentials compared, one per column</caption>
        <thead>
          <tr>
            <td />
            {entries.map((e) => (
              <th scope="col">
                <a href={`/achievements/${e.achievementId}`}>{e.name}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, cell]) => (
            <tr>
              <th scope="row">{label}</th>
              {entries.map((e) => (
                <td>{cell(e)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
