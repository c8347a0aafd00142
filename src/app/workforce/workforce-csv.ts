import { csvLine } from "../../domain/awards/csv-awards.ts";
import type { Actor } from "../../domain/types.ts";
import { GAP_LABELS } from "../../domain/workforce/gap.ts";
import type { AppDeps } from "../ports.ts";
import { getCoverage } from "./coverage.ts";
import { getSkillsGap } from "./skills-gap.ts";
import { SHARING_LABELS } from "./team.ts";

/** The skills-gap matrix as CSV: one row per person, one column per skill; people who do not share have no data. */
export async function skillsGapCsv(deps: AppDeps, actor: Actor, slug: string) {
  const gap = await getSkillsGap(deps, actor, slug);
  const lines = [
    csvLine(["name", "email", "sharing", "role profile", ...gap.columns.map((c) => c.skillName)]),
  ];
  for (const row of gap.rows) {
    lines.push(
      csvLine([
        row.member.name,
        row.member.email,
        SHARING_LABELS[row.state],
        row.profile?.name,
        ...row.cells.map((cell) =>
          !cell
            ? ""
            : cell.status === "missing"
              ? GAP_LABELS.missing
              : `${GAP_LABELS[cell.status]}: ${cell.credential}${cell.level ? ` (EQF ${cell.level})` : ""}`,
        ),
      ]),
    );
  }
  return { organization: gap.organization, csv: lines.join("") };
}

/** Coverage per month as CSV: the same numbers as the chart. */
export async function coverageCsv(deps: AppDeps, actor: Actor, slug: string) {
  const coverage = await getCoverage(deps, actor, slug);
  const lines = [csvLine(["month", "cells met", "cells required", "coverage percent"])];
  for (const m of coverage.months) lines.push(csvLine([m.month, m.met, m.total, m.percent]));
  return { organization: coverage.organization, csv: lines.join("") };
}
