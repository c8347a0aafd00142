import { DAY } from "../../domain/rules.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, AwardStats } from "../ports.ts";

export const EXPIRING_DAYS = 30;
const MONTHS = 12;

const monthKey = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

/** The issuer dashboard: totals, per definition, and awards per month over the last 12 months (empty months as 0). */
export const getAwardDashboard = (deps: AppDeps, actor: Actor, slug: string) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "credentials:read");
    const id = access.organization.id;
    const now = deps.clock();
    const stats = await r.awards.statsByAchievement(id, now, new Date(now.getTime() + EXPIRING_DAYS * DAY));
    const names = new Map((await r.achievements.list(id)).map((d) => [d.id, d.name]));
    const perDefinition = stats
      .map((s) => ({ ...s, name: names.get(s.achievementId) ?? "(unknown micro-credential)" }))
      .sort((a, b) => b.issued - a.issued || a.name.localeCompare(b.name));
    const totals = stats.reduce<Omit<AwardStats, "achievementId">>(
      (sum, s) => ({
        issued: sum.issued + s.issued,
        claimed: sum.claimed + s.claimed,
        revoked: sum.revoked + s.revoked,
        suspended: sum.suspended + s.suspended,
        expiring: sum.expiring + s.expiring,
      }),
      { issued: 0, claimed: 0, revoked: 0, suspended: 0, expiring: 0 },
    );
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth();
    const since = new Date(Date.UTC(year, month - (MONTHS - 1), 1));
    const counts = new Map((await r.awards.countByMonth(id, since)).map((m) => [m.month, m.n]));
    const months = Array.from({ length: MONTHS }, (_, i) => {
      const key = monthKey(year, month - (MONTHS - 1) + i);
      return { month: key, n: counts.get(key) ?? 0 };
    });
    return { ...access, totals, perDefinition, months };
  });
