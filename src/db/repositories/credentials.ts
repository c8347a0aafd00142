import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type {
  IssuedCredentialRepository,
  IssuerKeyRepository,
  StatusListRepository,
} from "../../app/ports.ts";
import type { CredentialFormat, IssuerKey, StatusList, StatusPurpose } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { issuedCredentials, organizationKeys, statusListEntries, statusLists } from "../schema.ts";

const toKey = (row: typeof organizationKeys.$inferSelect): IssuerKey => ({
  ...row,
  status: row.status === "active" ? "active" : "retired",
});
const toList = (row: typeof statusLists.$inferSelect): StatusList => ({
  ...row,
  purpose: row.purpose as StatusPurpose,
});

export const issuerKeyRepository = (db: Db): IssuerKeyRepository => ({
  async list(organizationId) {
    const rows = await db
      .select()
      .from(organizationKeys)
      .where(eq(organizationKeys.organizationId, organizationId))
      .orderBy(asc(organizationKeys.createdAt));
    return rows.map(toKey);
  },
  async insert(key) {
    // Two first issuances at once may both create key-1: the first one wins and both sign with it.
    await db.insert(organizationKeys).values(key).onConflictDoNothing();
  },
  async retire(organizationId, keyId, now) {
    await db
      .update(organizationKeys)
      .set({ status: "retired", retiredAt: now })
      .where(and(eq(organizationKeys.organizationId, organizationId), eq(organizationKeys.keyId, keyId)));
  },
});

export const statusListRepository = (db: Db): StatusListRepository => ({
  async openList(organizationId, purpose) {
    // Lists are filled to half at most, so a random draw almost always hits a free index at once.
    const [row] = await db
      .select({ id: statusLists.id, length: statusLists.length, allocated: statusLists.allocated })
      .from(statusLists)
      .where(
        and(
          eq(statusLists.organizationId, organizationId),
          eq(statusLists.purpose, purpose),
          lt(statusLists.allocated, statusLists.length),
        ),
      )
      .orderBy(desc(statusLists.createdAt))
      .limit(1)
      .for("update");
    return row && row.allocated * 2 < row.length ? row : undefined;
  },
  async insert(list) {
    await db.insert(statusLists).values(list);
  },
  async lock(id) {
    const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id)).for("update");
    return row && toList(row);
  },
  async find(id) {
    const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id));
    return row && toList(row);
  },
  async claimIndex(statusListId, index, credentialId) {
    const rows = await db
      .insert(statusListEntries)
      .values({ statusListId, index, credentialId })
      .onConflictDoNothing()
      .returning({ index: statusListEntries.index });
    if (rows.length === 0) return false;
    await db
      .update(statusLists)
      .set({ allocated: sql`${statusLists.allocated} + 1` })
      .where(eq(statusLists.id, statusListId));
    return true;
  },
  async saveBits(id, bits, version) {
    await db.update(statusLists).set({ bits, version }).where(eq(statusLists.id, id));
  },
  async savePublished(id, published, version, at) {
    await db
      .update(statusLists)
      .set({ published, publishedVersion: version, publishedAt: at })
      .where(eq(statusLists.id, id));
  },
});

const toIssued = (row: typeof issuedCredentials.$inferSelect) => ({
  ...row,
  format: (row.format === "jwt" ? "jwt" : "ldp") as CredentialFormat,
});

export const issuedCredentialRepository = (db: Db): IssuedCredentialRepository => ({
  async insert(credential) {
    await db.insert(issuedCredentials).values(credential);
  },
  async find(organizationId, id) {
    const [row] = await db
      .select()
      .from(issuedCredentials)
      .where(and(eq(issuedCredentials.organizationId, organizationId), eq(issuedCredentials.id, id)));
    return row && toIssued(row);
  },
  async findByIdempotencyKey(organizationId, key) {
    const [row] = await db
      .select()
      .from(issuedCredentials)
      .where(
        and(eq(issuedCredentials.organizationId, organizationId), eq(issuedCredentials.idempotencyKey, key)),
      );
    return row && toIssued(row);
  },
});
