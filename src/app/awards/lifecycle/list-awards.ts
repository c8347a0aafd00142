import type { Actor } from "../../../domain/types.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps, AwardFilter, Repositories } from "../../ports.ts";
import { type AwardRow, CSV_HEADER, csvLine, csvRow, toRow } from "./award-view.ts";
import type { AwardListQuery } from "./inputs.ts";

export const AWARDS_PER_PAGE = 50;
const CSV_CHUNK = 1000;

const filterOf = (query: AwardListQuery): AwardFilter => ({
  query: query.q || undefined,
  achievementId: query.achievement,
  status: query.status,
});

async function definitionNames(r: Repositories, organizationId: string) {
  const definitions = await r.achievements.list(organizationId);
  return { definitions, names: new Map(definitions.map((d) => [d.id, d.name])) };
}

/** One page of an organization's awards, searched and filtered, newest first. */
export const listAwards = (deps: AppDeps, actor: Actor, slug: string, query: AwardListQuery) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    const { definitions, names } = await definitionNames(r, access.organization.id);
    const page = query.page ?? 1;
    const found = await r.awards.list(access.organization.id, {
      ...filterOf(query),
      limit: AWARDS_PER_PAGE + 1,
      offset: (page - 1) * AWARDS_PER_PAGE,
    });
    const now = deps.clock();
    return {
      ...access,
      definitions,
      page,
      hasNext: found.length > AWARDS_PER_PAGE,
      awards: found.slice(0, AWARDS_PER_PAGE).map((a): AwardRow => toRow(a, names, now)),
    };
  });

/** The filtered list as CSV (every matching award, not one page), read in chunks. */
export const exportAwardsCsv = (deps: AppDeps, actor: Actor, slug: string, query: AwardListQuery) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:read");
    const { names } = await definitionNames(r, organization.id);
    const now = deps.clock();
    const lines = [csvLine(CSV_HEADER)];
    for (let offset = 0; ; offset += CSV_CHUNK) {
      const chunk = await r.awards.list(organization.id, { ...filterOf(query), limit: CSV_CHUNK, offset });
      for (const award of chunk) lines.push(csvRow(toRow(award, names, now)));
      if (chunk.length < CSV_CHUNK) break;
    }
    return { organization, csv: lines.join("") };
  });
