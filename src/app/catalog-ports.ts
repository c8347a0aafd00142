// The public catalog's port. Re-exported from ports.ts, where the use cases find every port.

import type { CatalogEntryFacts } from "../domain/catalog/entry.ts";
import type { Band, CatalogSort } from "../domain/catalog/query.ts";

/** A catalog row as pages show it, with its issuer. */
export type CatalogEntry = CatalogEntryFacts & {
  organizationName: string;
  organizationSlug: string;
  earned: number;
};

/** What a search narrows by, with every name already resolved to ids and every band to numbers. */
export type CatalogFilter = {
  q?: string | undefined;
  skill?: string | undefined;
  industry?: string | undefined;
  organizationId?: string | undefined;
  /** Accredited only: issuers accredited as a whole, or these micro-credentials themselves. */
  accredited?: { issuerIds: string[]; achievementIds: string[] } | undefined;
  level?: number | undefined;
  cost?: Band | undefined;
  duration?: Band | undefined;
  hours?: Band | undefined;
  delivery?: string | undefined;
  pacing?: string | undefined;
  language?: string | undefined;
  /** Stacks toward a pathway: its component achievement ids. */
  within?: string[] | undefined;
  /**
   * Fits a learner's goals: teaches one of these (missing) skills or is one of these (missing pathway component)
   * achievements. The "fit" sort ranks by how many of the skills an entry covers, then the components.
   */
  fits?: { skills: string[]; achievementIds: string[] } | undefined;
};

export type FacetCount = { value: string; n: number };

/** Counts per value of each facet, over the rows the filter matches. */
export type CatalogFacetCounts = {
  industry: FacetCount[];
  provider: FacetCount[];
  level: FacetCount[];
  delivery: FacetCount[];
  pacing: FacetCount[];
  language: FacetCount[];
  skill: FacetCount[];
  cost: FacetCount[];
  duration: FacetCount[];
  hours: FacetCount[];
  pathway: FacetCount[];
  /** How many of the matching rows are accredited. */
  accredited: number;
};

/** A published pathway (stacked micro-credential) and what counts toward it (achievement URLs, as pathways store). */
export type CatalogPathway = { id: string; name: string; componentIds: string[] };

/** An accreditation in force: of the whole issuer (achievementId null) or of one micro-credential. */
export type AccreditedScope = { issuerId: string; achievementId: string | null; accreditorName: string };

export type CatalogRepository = {
  /** Writes (or rewrites) a published micro-credential's row; its earned count is recounted from its awards. */
  upsert(facts: CatalogEntryFacts): Promise<void>;
  remove(achievementId: string): Promise<void>;
  /** Published micro-credentials with no row for their published version (e.g. published before the catalog). */
  unsynced(limit: number): Promise<{ achievementId: string; organizationId: string; version: number }[]>;
  /** Deletes rows whose micro-credential is no longer published; returns how many. */
  removeUnpublished(): Promise<number>;
  search(
    filter: CatalogFilter,
    page: { sort: CatalogSort; limit: number; offset: number },
  ): Promise<{ total: number; entries: CatalogEntry[] }>;
  facets(
    filter: CatalogFilter,
    bands: { cost: Record<string, Band>; duration: Record<string, Band>; hours: Record<string, Band> },
    pathways: readonly { id: string; achievementIds: string[] }[],
    accredited: { issuerIds: string[]; achievementIds: string[] },
  ): Promise<CatalogFacetCounts>;
  find(achievementIds: readonly string[]): Promise<CatalogEntry[]>;
  /** Accreditations in force at `now`, with the accreditor's name. */
  accreditedScopes(now: Date): Promise<AccreditedScope[]>;
  /** The skill names most common among the most earned micro-credentials (suggestions for goals). */
  commonSkills(limit: number): Promise<string[]>;
  /** Published pathways, by name. */
  pathways(): Promise<CatalogPathway[]>;
  /** Awards an issuer issued, and distinct recipients holding one that is active at `now`. */
  providerFigures(organizationId: string, now: Date): Promise<{ earned: number; activeLearners: number }>;
};
