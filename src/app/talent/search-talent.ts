import { monthsBefore } from "../../domain/months.ts";
import { type CredentialSummary, credentialSummaries } from "../../domain/talent/credential-summaries.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, Repositories, TalentCandidate, TalentFilter } from "../ports.ts";
import type { TalentSearchQuery } from "./inputs.ts";

export type TalentResult = { candidate: TalentCandidate; matches: number; credentials: CredentialSummary[] };

/** Whether the query asks for anything: an empty form lists nobody (search is by what people can do). */
export const hasCriteria = (q: TalentSearchQuery) =>
  !!(q.skill || q.achievement || q.issuer || q.accredited || q.level !== undefined || q.months !== undefined);

/** The repository filter of a query; "accredited only" becomes what is accredited now. */
export async function talentFilterIn(
  deps: Pick<AppDeps, "clock" | "credentials" | "publicUrl">,
  r: Repositories,
  q: TalentSearchQuery,
): Promise<TalentFilter> {
  const now = deps.clock();
  return {
    now,
    skill: q.skill,
    achievement: q.achievement,
    issuer: q.issuer,
    minLevel: q.level,
    issuedSince: q.months !== undefined ? monthsBefore(now, q.months) : undefined,
    accredited: q.accredited ? await accreditedScope(deps, r, now) : undefined,
  };
}

/** Which credentials count as accredited: every one of an issuer accredited as a whole, and accredited micro-credentials. */
async function accreditedScope(deps: Pick<AppDeps, "credentials" | "publicUrl">, r: Repositories, now: Date) {
  const accredited = await r.talent.accreditedIssuers(now);
  return {
    issuerDids: accredited
      .filter((a) => a.achievementId === null)
      .map((a) => deps.credentials.organizationDid(a.slug)),
    achievementIds: accredited.flatMap((a) =>
      a.achievementId ? [`${deps.publicUrl}/achievements/${a.achievementId}`] : [],
    ),
  };
}

/**
 * Talent search for an organization's owners and employers: learners who opted in, ranked by how many of their
 * valid credentials match, then by the newest. Only one page of candidates is loaded in detail.
 */
export const searchTalent = (deps: AppDeps, actor: Actor, slug: string, q: TalentSearchQuery) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "talent:search");
    if (!hasCriteria(q)) return { ...access, searched: false, total: 0, results: [] as TalentResult[] };
    const filter = await talentFilterIn(deps, r, q);
    const { total, hits } = await r.talent.search(filter, { limit: q.limit, offset: q.offset });
    const ids = hits.map((h) => h.userId);
    const [rows, candidates] = await Promise.all([
      r.talent.matchingRows(ids, filter),
      r.talent.candidates(ids),
    ]);
    const byId = new Map(candidates.map((c) => [c.userId, c]));
    const results: TalentResult[] = [];
    for (const hit of hits) {
      const candidate = byId.get(hit.userId);
      if (!candidate) continue;
      const mine = rows.filter((row) => row.userId === hit.userId);
      results.push({ candidate, matches: hit.matches, credentials: credentialSummaries(mine) });
    }
    return { ...access, searched: true, total, results };
  });
