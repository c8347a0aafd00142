import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { AnalyticsRepository, EngagementRow } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { awards, verificationEvents, walletItems, walletShares } from "../schema.ts";

const monthOf = (column: unknown) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;

export const analyticsRepository = (db: Db): AnalyticsRepository => ({
  async recordVerification(event) {
    await db.insert(verificationEvents).values(event);
  },
  async monthlyEngagement(organizationId, since) {
    const verifiedMonth = monthOf(verificationEvents.at);
    const verified = await db
      .select({
        month: verifiedMonth,
        achievementId: sql<string>`${verificationEvents.achievementId}`,
        n: sql<number>`count(*)::int`,
      })
      .from(verificationEvents)
      .where(and(eq(verificationEvents.organizationId, organizationId), gte(verificationEvents.at, since)))
      .groupBy(verifiedMonth, verificationEvents.achievementId);
    const sharedMonth = monthOf(walletShares.createdAt);
    const shared = await db
      .select({ month: sharedMonth, achievementId: awards.achievementId, n: sql<number>`count(*)::int` })
      .from(walletShares)
      .innerJoin(walletItems, eq(walletItems.id, walletShares.itemId))
      .innerJoin(awards, eq(awards.id, walletItems.awardId))
      .where(and(eq(awards.organizationId, organizationId), gte(walletShares.createdAt, since)))
      .groupBy(sharedMonth, awards.achievementId);
    const claimedMonth = monthOf(awards.claimedAt);
    const claimed = await db
      .select({ month: claimedMonth, achievementId: awards.achievementId, n: sql<number>`count(*)::int` })
      .from(awards)
      .where(
        and(
          eq(awards.organizationId, organizationId),
          isNotNull(awards.claimedAt),
          gte(awards.claimedAt, since),
        ),
      )
      .groupBy(claimedMonth, awards.achievementId);
    const rows = new Map<string, EngagementRow>();
    const add = (
      list: { month: string; achievementId: string; n: number }[],
      key: "verifications" | "shares" | "claims",
    ) => {
      for (const { month, achievementId, n } of list) {
        const id = `${month} ${achievementId}`;
        const row = rows.get(id) ?? { month, achievementId, verifications: 0, shares: 0, claims: 0 };
        rows.set(id, { ...row, [key]: row[key] + n });
      }
    };
    add(verified, "verifications");
    add(shared, "shares");
    add(claimed, "claims");
    return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
  },
});
