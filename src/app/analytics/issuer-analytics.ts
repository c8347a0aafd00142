import { csvLine } from "../../domain/awards/csv-awards.ts";
import { monthEnds } from "../../domain/months.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, EngagementRow } from "../ports.ts";

const MONTHS = 12;
type Counts = { verifications: number; shares: number; claims: number };
const zero = (): Counts => ({ verifications: 0, shares: 0, claims: 0 });
const plus = (a: Counts, b: Counts): Counts => ({
  verifications: a.verifications + b.verifications,
  shares: a.shares + b.shares,
  claims: a.claims + b.claims,
});

/**
 * An issuer's engagement over the last 12 months: how often its credentials were verified, shared and claimed, per
 * month (empty months as 0) and per micro-credential, optionally for one micro-credential only.
 */
export const getIssuerAnalytics = (deps: AppDeps, actor: Actor, slug: string, achievementId?: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    const months = monthEnds(deps.clock(), MONTHS).map((m) => m.month);
    const since = new Date(`${months[0]}-01T00:00:00Z`);
    const rows = await r.analytics.monthlyEngagement(access.organization.id, since);
    const achievements = (await r.achievements.list(access.organization.id)).map((a) => ({
      id: a.id,
      name: a.name,
    }));
    const selected = achievements.find((a) => a.id === achievementId);
    const counted = selected ? rows.filter((row) => row.achievementId === selected.id) : rows;
    const byMonth = new Map<string, Counts>();
    for (const row of counted) byMonth.set(row.month, plus(byMonth.get(row.month) ?? zero(), row));
    const byCredential = new Map<string, Counts>();
    for (const row of rows)
      byCredential.set(row.achievementId, plus(byCredential.get(row.achievementId) ?? zero(), row));
    const names = new Map(achievements.map((a) => [a.id, a.name]));
    return {
      ...access,
      achievements,
      selected,
      months: months.map((month) => ({ month, ...(byMonth.get(month) ?? zero()) })),
      perCredential: [...byCredential]
        .map(([id, counts]) => ({ achievementId: id, name: names.get(id) ?? "(removed)", ...counts }))
        .sort((a, b) => b.verifications - a.verifications || a.name.localeCompare(b.name)),
      rows: rows.map((row: EngagementRow) => ({ ...row, name: names.get(row.achievementId) ?? "(removed)" })),
    };
  });

/** The same figures as CSV: one line per month and micro-credential. */
export async function issuerAnalyticsCsv(deps: AppDeps, actor: Actor, slug: string): Promise<string> {
  const { rows } = await getIssuerAnalytics(deps, actor, slug);
  return [
    csvLine(["month", "micro_credential_id", "micro_credential", "verifications", "shares", "claims"]),
    ...rows.map((row) =>
      csvLine([row.month, row.achievementId, row.name, row.verifications, row.shares, row.claims]),
    ),
  ].join("");
}
