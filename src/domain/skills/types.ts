/** A skill framework: Cairn's starter catalog (organizationId null) or one an organization imported. */
export type SkillFramework = {
  id: string;
  organizationId: string | null;
  name: string;
  source: SkillSource;
  url: string | null;
  createdAt: Date;
};

export type SkillSource = "cairn" | "esco" | "onet";

/** One skill as a framework publishes it; `code` is unique within its framework. */
export type SkillRecord = {
  code: string;
  name: string;
  description: string | null;
  url: string | null;
  /** Lower-cased name, alternative labels and code: what search matches against. */
  searchText: string;
};

/** A search result: the skill with the framework it belongs to (what an OB 3.0 alignment needs). */
export type SkillHit = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  url: string | null;
  frameworkId: string;
  frameworkName: string;
  source: SkillSource;
};

export const searchTextOf = (name: string, code: string, altLabels: readonly string[] = []): string =>
  [name, ...altLabels, code]
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .join("\n");
