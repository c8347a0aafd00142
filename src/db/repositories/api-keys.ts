import { and, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import type { ApiKeyRepository } from "../../app/ports.ts";
import type { ApiKeyScope } from "../../domain/roles.ts";
import type { ApiKey } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { apiKeys } from "../schema.ts";

const { secretHash: _, ...columns } = getTableColumns(apiKeys);
const withScopes = <T extends { scopes: string[] }>(row: T) => ({
  ...row,
  scopes: row.scopes as ApiKeyScope[],
});

export const apiKeyRepository = (db: Db): ApiKeyRepository => ({
  async insert(key) {
    await db.insert(apiKeys).values(key);
  },
  async list(organizationId) {
    const rows = await db
      .select(columns)
      .from(apiKeys)
      .where(eq(apiKeys.organizationId, organizationId))
      .orderBy(desc(apiKeys.createdAt));
    return rows.map((row): ApiKey => withScopes(row));
  },
  async findByPrefix(prefix) {
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    return row && withScopes(row);
  },
  async revoke(organizationId, id, now) {
    const rows = await db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    return rows.length === 1;
  },
  async touch(id, now) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
  },
});
