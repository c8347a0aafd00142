import { skillKeyOf } from "../../domain/talent/skill-rows.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AlignedAchievement, AppDeps } from "../ports.ts";
import { cellFor, columnsOf, loadTeam } from "./team.ts";

/**
 * The skills-gap matrix: people (rows) × the skills their role profiles require (columns), each cell met, below
 * level or missing; and for every skill someone lacks, the published Cairn micro-credentials aligned to it.
 */
export const getSkillsGap = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "workforce:manage");
    const now = deps.clock();
    const { profiles, people } = await loadTeam(r, access.organization.id);
    const columns = columnsOf(profiles);
    const rows = people.map((person) => ({
      ...person,
      cells: columns.map((column) => cellFor(person, column.skillKey, now)),
    }));
    const gapKeys = columns
      .map((column, i) => ({ column, i }))
      .filter(({ i }) => rows.some((row) => row.cells[i] && row.cells[i].status !== "met"))
      .map(({ column }) => column.skillKey);
    const found = await r.workforce.alignedAchievements(gapKeys);
    const aligned = new Map<string, AlignedAchievement[]>(
      gapKeys.map((key) => [
        key,
        found.filter((a) => a.alignments.some((alignment) => skillKeyOf(alignment) === key)),
      ]),
    );
    const sponsorships = await r.workforce.listSponsorships(access.organization.id);
    return { ...access, profiles, columns, rows, aligned, sponsorships, now };
  });
