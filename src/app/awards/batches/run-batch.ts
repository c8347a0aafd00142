import { awardRequest } from "../../../domain/awards/award-request.ts";
import { isDomainError } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/types.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import { awardIn } from "../award-credential.ts";
import { AWARD_BATCH_JOB, type AwardBatch, BATCH_CHUNK } from "./batch-types.ts";

/** The award key of one batch row: a retried chunk finds the award it already made instead of making another. */
export const batchRowKey = (batchId: string, row: number) => `batch:${batchId}:${row}`;

/** The batch's creator: a member (user) or, for API batches, the API key (its scope was checked on creation). */
async function creatorOf(r: Repositories, batch: AwardBatch): Promise<Actor> {
  const user = batch.createdBy ? await r.users.findById(batch.createdBy) : undefined;
  if (user) return { kind: "user", userId: user.id, isPlatformAdmin: user.isPlatformAdmin };
  return {
    kind: "api_key",
    apiKeyId: batch.createdBy ?? "",
    organizationId: batch.organizationId,
    scopes: ["credentials:issue"],
  };
}

export type ChunkResult = { done: boolean; processed: number };

/**
 * Awards the next chunk of a batch in one transaction: each pending row through `awardIn` (idempotent by row key),
 * its award id (or error) on the row, the counters, and the job for the next chunk (unless `queueNext` is false)
 * or the batch marked done. The batch row is locked, so two workers never work on one batch at once; a worker
 * killed mid-chunk rolls the whole chunk back and the retry redoes it.
 */
export async function runBatchChunk(
  deps: AppDeps,
  batchId: string,
  options: { chunkSize?: number; queueNext?: boolean } = {},
): Promise<ChunkResult> {
  const chunkSize = options.chunkSize ?? BATCH_CHUNK;
  return deps.uow(async (r) => {
    const batch = await r.awardBatches.lock(batchId);
    if (!batch || batch.status === "done") return { done: true, processed: 0 };
    const organization = await r.organizations.findById(batch.organizationId);
    if (!organization) return { done: true, processed: 0 };
    const actor = await creatorOf(r, batch);
    const rows = await r.awardBatches.pendingRows(batchId, chunkSize);
    let issued = 0;
    let failed = 0;
    for (const { row, data } of rows) {
      const parsed = awardRequest.safeParse(data);
      if (!parsed.success) {
        await r.awardBatches.completeRow(batchId, row, {
          error: parsed.error.issues[0]?.message ?? "Invalid row.",
        });
        failed += 1;
        continue;
      }
      try {
        const { award } = await awardIn(deps, r, organization, actor, batch.achievementId, parsed.data, {
          idempotencyKey: batchRowKey(batchId, row),
          notify: batch.notify,
          batchId,
        });
        await r.awardBatches.completeRow(batchId, row, { awardId: award.id });
        issued += 1;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        await r.awardBatches.completeRow(batchId, row, { error: error.message });
        failed += 1;
      }
    }
    const done = rows.length < chunkSize;
    await r.awardBatches.update(batchId, {
      issued: batch.issued + issued,
      failed: batch.failed + failed,
      status: done ? "done" : "running",
      ...(done ? { finishedAt: deps.clock() } : {}),
    });
    if (!done && options.queueNext !== false) await r.jobs.send(AWARD_BATCH_JOB, { batchId });
    return { done, processed: rows.length };
  });
}
