import { and, asc, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { WalletRepository } from "../../app/ports.ts";
import type { AwardStatus } from "../../domain/awards/award-request.ts";
import type {
  ShareKind,
  WalletCheck,
  WalletDisplay,
  WalletEntry,
  WalletItemKind,
  WalletShare,
} from "../../domain/wallet/types.ts";
import type { Db } from "../client.ts";
import { awards, learnerKeys, learnerProfiles, userEmails, walletItems, walletShares } from "../schema.ts";

const entryColumns = {
  item: walletItems,
  award: {
    status: awards.status,
    statusReason: awards.statusReason,
    validUntil: awards.validUntil,
    credentialId: awards.credentialId,
    organizationId: awards.organizationId,
  },
};
type EntryRow = {
  item: typeof walletItems.$inferSelect;
  award: {
    status: string;
    statusReason: string | null;
    validUntil: Date | null;
    credentialId: string;
    organizationId: string;
  } | null;
};

// Rows are written only through this repository, so their text columns hold the domain's values.
const toEntry = ({ item, award }: EntryRow): WalletEntry => ({
  ...item,
  kind: item.kind as WalletItemKind,
  display: item.display as WalletDisplay,
  importChecks: item.importChecks as WalletCheck[] | null,
  award: award && { ...award, status: award.status as AwardStatus },
});
const toShare = (row: typeof walletShares.$inferSelect): WalletShare => ({
  ...row,
  kind: row.kind as ShareKind,
});

export const walletRepository = (db: Db): WalletRepository => {
  const entries = () =>
    db.select(entryColumns).from(walletItems).leftJoin(awards, eq(awards.id, walletItems.awardId));
  return {
    async insertItem(item) {
      await db.insert(walletItems).values(item);
    },
    async attachAward(item) {
      const inserted = await db
        .insert(walletItems)
        .values(item)
        .onConflictDoNothing({ target: [walletItems.userId, walletItems.awardId] })
        .returning({ id: walletItems.id });
      return inserted.length > 0;
    },
    async list(userId) {
      const rows = await entries().where(eq(walletItems.userId, userId)).orderBy(desc(walletItems.addedAt));
      return rows.map(toEntry);
    },
    async holdersOf(awardId) {
      const rows = await db
        .select({ userId: walletItems.userId })
        .from(walletItems)
        .where(eq(walletItems.awardId, awardId));
      return rows.map((row) => row.userId);
    },
    async find(userId, id) {
      const [row] = await entries().where(and(eq(walletItems.userId, userId), eq(walletItems.id, id)));
      return row && toEntry(row);
    },
    async update(userId, id, changes) {
      await db
        .update(walletItems)
        .set(changes)
        .where(and(eq(walletItems.userId, userId), eq(walletItems.id, id)));
    },
    async remove(userId, id) {
      await db.delete(walletItems).where(and(eq(walletItems.userId, userId), eq(walletItems.id, id)));
    },
    async insertShare(share) {
      await db.insert(walletShares).values(share);
    },
    async shares(itemId) {
      const rows = await db
        .select()
        .from(walletShares)
        .where(eq(walletShares.itemId, itemId))
        .orderBy(asc(walletShares.createdAt));
      return rows.map(toShare);
    },
    async findShare(id) {
      const [row] = await db
        .select({ share: walletShares, ...entryColumns })
        .from(walletShares)
        .innerJoin(walletItems, eq(walletItems.id, walletShares.itemId))
        .leftJoin(awards, eq(awards.id, walletItems.awardId))
        .where(eq(walletShares.id, id));
      return row && { share: toShare(row.share), entry: toEntry(row) };
    },
    async revokeShare(itemId, shareId, at) {
      await db
        .update(walletShares)
        .set({ revokedAt: at })
        .where(and(eq(walletShares.itemId, itemId), eq(walletShares.id, shareId)));
    },
    async publicEntries(userId, now) {
      const rows = await db
        .select({ share: walletShares, ...entryColumns })
        .from(walletShares)
        .innerJoin(walletItems, eq(walletItems.id, walletShares.itemId))
        .leftJoin(awards, eq(awards.id, walletItems.awardId))
        .where(
          and(
            eq(walletItems.userId, userId),
            eq(walletShares.kind, "public"),
            isNull(walletShares.revokedAt),
            or(isNull(walletShares.expiresAt), gt(walletShares.expiresAt, now)),
          ),
        )
        .orderBy(desc(walletItems.addedAt));
      return rows.map((row) => ({ share: toShare(row.share), entry: toEntry(row) }));
    },
    async emails(userId) {
      return db
        .select()
        .from(userEmails)
        .where(eq(userEmails.userId, userId))
        .orderBy(asc(userEmails.createdAt));
    },
    async findEmail(email) {
      const [row] = await db.select().from(userEmails).where(eq(userEmails.email, email));
      return row;
    },
    async insertEmail(email) {
      await db.insert(userEmails).values(email);
    },
    async verifyEmail(id, at) {
      await db.update(userEmails).set({ verifiedAt: at }).where(eq(userEmails.id, id));
    },
    async removeEmail(userId, id) {
      await db.delete(userEmails).where(and(eq(userEmails.userId, userId), eq(userEmails.id, id)));
    },
    async findKey(userId) {
      const [row] = await db.select().from(learnerKeys).where(eq(learnerKeys.userId, userId));
      return row;
    },
    async insertKey(key) {
      await db.insert(learnerKeys).values(key).onConflictDoNothing();
    },
    async findProfile(userId) {
      const [row] = await db.select().from(learnerProfiles).where(eq(learnerProfiles.userId, userId));
      return row;
    },
    async findProfileByHandle(handle) {
      const [row] = await db.select().from(learnerProfiles).where(eq(learnerProfiles.handle, handle));
      return row;
    },
    async saveProfile(profile) {
      const { userId: _, ...changes } = profile;
      await db
        .insert(learnerProfiles)
        .values(profile)
        .onConflictDoUpdate({ target: learnerProfiles.userId, set: changes });
    },
  };
};
