import { and, asc, desc, eq, gt, gte, ilike, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { AwardRepository } from "../../app/ports.ts";
import type { Award, AwardStatus } from "../../domain/awards/award-request.ts";
import type { Db } from "../client.ts";
import { awards, catalogEntries } from "../schema.ts";

const toAward = (row: typeof awards.$inferSelect): Award => ({
  ...row,
  recipientKind: row.recipientKind === "did" ? "did" : "email",
  status: row.status as AwardStatus,
});

export const awardRepository = (db: Db): AwardRepository => ({
  async insert(award) {
    await db.insert(awards).values(award);
    // The catalog's "most earned" count moves with the award, in its transaction.
    await db
      .update(catalogEntries)
      .set({ earned: sql`${catalogEntries.earned} + 1` })
      .where(eq(catalogEntries.achievementId, award.achievementId));
  },
  async findByKey(achievementId, version, recipient, idempotencyKey) {
    const [row] = await db
      .select()
      .from(awards)
      .where(
        and(
          eq(awards.achievementId, achievementId),
          eq(awards.achievementVersion, version),
          eq(awards.recipient, recipient),
          eq(awards.idempotencyKey, idempotencyKey),
        ),
      );
    return row && toAward(row);
  },
  async find(organizationId, id) {
    const [row] = await db
      .select()
      .from(awards)
      .where(and(eq(awards.organizationId, organizationId), eq(awards.id, id)));
    return row && toAward(row);
  },
  async findByCredential(credentialId) {
    const [row] = await db.select().from(awards).where(eq(awards.credentialId, credentialId));
    return row && toAward(row);
  },
  async findByClaimToken(tokenHash) {
    const [row] = await db.select().from(awards).where(eq(awards.claimTokenHash, tokenHash));
    return row && toAward(row);
  },
  async list(organizationId, filter) {
    const conditions = [eq(awards.organizationId, organizationId)];
    if (filter.achievementId) conditions.push(eq(awards.achievementId, filter.achievementId));
    if (filter.status) conditions.push(eq(awards.status, filter.status));
    if (filter.batchId) conditions.push(eq(awards.batchId, filter.batchId));
    if (filter.query) {
      const like = `%${filter.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const match = or(ilike(awards.recipient, like), ilike(awards.recipientName, like));
      if (match) conditions.push(match);
    }
    const rows = await db
      .select()
      .from(awards)
      .where(and(...conditions))
      .orderBy(desc(awards.issuedAt))
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0);
    return rows.map(toAward);
  },
  async update(id, changes) {
    await db.update(awards).set(changes).where(eq(awards.id, id));
  },
  async countByStatus(organizationId) {
    const rows = await db
      .select({
        status: awards.status,
        claimed: sql<number>`count(${awards.claimedAt})::int`,
        n: sql<number>`count(*)::int`,
      })
      .from(awards)
      .where(eq(awards.organizationId, organizationId))
      .groupBy(awards.status);
    return rows;
  },
  async listReplacing(organizationId, awardId) {
    const rows = await db
      .select()
      .from(awards)
      .where(and(eq(awards.organizationId, organizationId), eq(awards.replacesAwardId, awardId)))
      .orderBy(desc(awards.issuedAt));
    return rows.map(toAward);
  },
  async statsByAchievement(organizationId, now, soon) {
    return db
      .select({
        achievementId: awards.achievementId,
        issued: sql<number>`count(*)::int`,
        claimed: sql<number>`count(${awards.claimedAt})::int`,
        revoked: sql<number>`(count(*) filter (where ${awards.status} = 'revoked'))::int`,
        suspended: sql<number>`(count(*) filter (where ${awards.status} = 'suspended'))::int`,
        expiring: sql<number>`(count(*) filter (where ${awards.status} = 'active' and ${awards.validUntil} >= ${now.toISOString()}::timestamptz and ${awards.validUntil} <= ${soon.toISOString()}::timestamptz))::int`,
      })
      .from(awards)
      .where(eq(awards.organizationId, organizationId))
      .groupBy(awards.achievementId);
  },
  async countByMonth(organizationId, since) {
    const month = sql<string>`to_char(${awards.issuedAt} at time zone 'UTC', 'YYYY-MM')`;
    return db
      .select({ month, n: sql<number>`count(*)::int` })
      .from(awards)
      .where(and(eq(awards.organizationId, organizationId), gte(awards.issuedAt, since)))
      .groupBy(month)
      .orderBy(month);
  },
  async expiredBetween(from, to) {
    const rows = await db
      .select()
      .from(awards)
      .where(and(eq(awards.status, "active"), gt(awards.validUntil, from), lte(awards.validUntil, to)));
    return rows.map(toAward);
  },
  async findByRecipients(recipients) {
    if (recipients.length === 0) return [];
    const rows = await db
      .select()
      .from(awards)
      .where(inArray(awards.recipient, [...recipients]))
      .orderBy(asc(awards.issuedAt));
    return rows.map(toAward);
  },
  async dueForReminder(now, until, limit) {
    const rows = await db
      .select()
      .from(awards)
      .where(
        and(
          eq(awards.status, "active"),
          eq(awards.recipientKind, "email"),
          isNull(awards.reminderSentAt),
          gt(awards.validUntil, now),
          lte(awards.validUntil, until),
        ),
      )
      .orderBy(asc(awards.validUntil))
      .limit(limit);
    return rows.map(toAward);
  },
});
