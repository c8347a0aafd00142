import {
  type CatalogQuery,
  COST_BANDS,
  DURATION_BANDS,
  effectiveSort,
  HOURS_BANDS,
  PAGE_SIZE,
} from "../../domain/catalog/query.ts";
import { goalGapsIn } from "../goals/goal-gaps.ts";
import type { AppDeps, CatalogFacetCounts, CatalogFilter } from "../ports.ts";
import { learningPathsIn } from "./catalog-paths.ts";
import { accreditedFilter, accreditorsOf, ownIds } from "./catalog-scope.ts";

/** Facet counts are a grouped scan of the matching rows: cheap up to this many, skipped beyond. */
export const FACET_COUNT_LIMIT = 20_000;
const MAX_PATHWAY_COUNTS = 50;
const NO_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

/**
 * The public catalog: published micro-credentials (their published versions) matching the URL's search and filters,
 * one page of them in the chosen order, the counts per facet value, and the names the facets show. For a signed-in
 * learner, also their goals' gaps and saved list; "fits my goals" (only with goals) keeps what closes a gap, the
 * most missing skills first, then the target pathway's missing components. Anyone else asking for it gets the
 * usual order and `fitUnavailable`.
 */
export const searchCatalog = (deps: AppDeps, query: CatalogQuery, viewerId?: string) =>
  deps.uow(async (r) => {
    const now = deps.clock();
    const published = await r.catalog.pathways();
    const gaps = viewerId
      ? await goalGapsIn(deps, r, viewerId, { goals: await r.goals.find(viewerId), pathways: published })
      : undefined;
    const saved = viewerId ? (await r.goals.savedList(viewerId)).map((s) => s.achievementId) : [];
    const fitUnavailable = query.sort === "fit" && !gaps;
    const sort = effectiveSort(fitUnavailable ? { ...query, sort: undefined } : query);
    const scopes = await r.catalog.accreditedScopes(now);
    const pathways = published.map((p) => ({
      id: p.id,
      name: p.name,
      achievementIds: ownIds(deps.publicUrl, p.componentIds),
    }));
    const organizations = (await r.organizations.listAll()).map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
    }));
    const provider = query.provider ? organizations.find((o) => o.slug === query.provider) : undefined;
    const pathway = query.pathway ? pathways.find((p) => p.id === query.pathway) : undefined;
    const filter: CatalogFilter = {
      q: query.q,
      skill: query.skill,
      industry: query.industry,
      organizationId: query.provider ? (provider?.id ?? NO_ORGANIZATION) : undefined,
      accredited: query.accredited ? accreditedFilter(scopes) : undefined,
      level: query.level,
      cost: query.cost && COST_BANDS[query.cost],
      duration: query.duration && DURATION_BANDS[query.duration],
      hours: query.hours && HOURS_BANDS[query.hours],
      delivery: query.delivery,
      pacing: query.pacing,
      language: query.language,
      within: query.pathway ? (pathway?.achievementIds ?? []) : undefined,
      fits:
        sort === "fit" && gaps
          ? { skills: gaps.missing, achievementIds: gaps.pathway?.missingComponents ?? [] }
          : undefined,
    };
    const page = query.page ?? 1;
    const { total, entries } = await r.catalog.search(filter, {
      sort,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const facets: CatalogFacetCounts | undefined =
      total <= FACET_COUNT_LIMIT
        ? await r.catalog.facets(
            filter,
            { cost: COST_BANDS, duration: DURATION_BANDS, hours: HOURS_BANDS },
            pathways.slice(0, MAX_PATHWAY_COUNTS),
            accreditedFilter(scopes),
          )
        : undefined;
    return {
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      sort,
      entries: entries.map((e) => ({ ...e, accreditedBy: accreditorsOf(scopes, e) })),
      facets,
      providers: organizations.filter(
        (o) => !facets || o.id === provider?.id || facets.provider.some((f) => f.value === o.id),
      ),
      pathways: pathways.map(({ id, name }) => ({ id, name })),
      unknownProvider: Boolean(query.provider && !provider),
      viewer: viewerId ? { gaps, saved, savedCount: saved.length } : undefined,
      paths: await learningPathsIn(r, entries, viewerId),
      fitUnavailable,
    };
  });
export type CatalogResult = Awaited<ReturnType<typeof searchCatalog>>;
