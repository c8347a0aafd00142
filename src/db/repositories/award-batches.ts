import { and, asc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { AwardBatch, AwardBatchStatus } from "../../app/awards/batches/batch-types.ts";
import type { AwardBatchRepository } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { awardBatches, awardBatchRows, awards } from "../schema.ts";

const INSERT_CHUNK = 1_000;
const toBatch = (row: typeof awardBatches.$inferSelect): AwardBatch => ({
  ...row,
  status: row.status as AwardBatchStatus,
});

export const awardBatchRepository = (db: Db): AwardBatchRepository => ({
  async insert(batch) {
    await db.insert(awardBatches).values(batch);
  },
  async insertRows(batchId, rows) {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await db
        .insert(awardBatchRows)
        .values(rows.slice(i, i + INSERT_CHUNK).map((row) => ({ batchId, ...row })));
    }
  },
  async find(organizationId, id) {
    const [row] = await db
      .select()
      .from(awardBatches)
      .where(and(eq(awardBatches.organizationId, organizationId), eq(awardBatches.id, id)));
    return row && toBatch(row);
  },
  async lock(id) {
    const [row] = await db.select().from(awardBatches).where(eq(awardBatches.id, id)).for("update");
    return row && toBatch(row);
  },
  async pendingRows(batchId, afterRow, limit) {
    return db
      .select({ row: awardBatchRows.row, data: awardBatchRows.data })
      .from(awardBatchRows)
      .where(
        and(
          eq(awardBatchRows.batchId, batchId),
          gt(awardBatchRows.row, afterRow),
          isNull(awardBatchRows.awardId),
          isNull(awardBatchRows.error),
        ),
      )
      .orderBy(asc(awardBatchRows.row))
      .limit(limit);
  },
  async completeRow(batchId, row, result) {
    await db
      .update(awardBatchRows)
      .set("awardId" in result ? { awardId: result.awardId } : { error: result.error })
      .where(and(eq(awardBatchRows.batchId, batchId), eq(awardBatchRows.row, row)));
  },
  async update(id, changes) {
    await db.update(awardBatches).set(changes).where(eq(awardBatches.id, id));
  },
  async rows(batchId, { afterRow, limit, errorsOnly }) {
    const conditions = [eq(awardBatchRows.batchId, batchId), gt(awardBatchRows.row, afterRow)];
    if (errorsOnly) conditions.push(isNotNull(awardBatchRows.error));
    return db
      .select({
        row: awardBatchRows.row,
        data: awardBatchRows.data,
        awardId: awardBatchRows.awardId,
        error: awardBatchRows.error,
        credentialId: awards.credentialId,
      })
      .from(awardBatchRows)
      .leftJoin(awards, eq(awards.id, awardBatchRows.awardId))
      .where(and(...conditions))
      .orderBy(asc(awardBatchRows.row))
      .limit(limit);
  },
  async countErrors(batchId) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(awardBatchRows)
      .where(and(eq(awardBatchRows.batchId, batchId), isNotNull(awardBatchRows.error)));
    return Number(row?.n ?? 0);
  },
});
