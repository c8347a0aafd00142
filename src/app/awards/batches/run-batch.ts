import { awardRequest } from "../../../domain/awards/award-request.ts";
import { isDomainError } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/types.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import { type AwardTarget, awardIn, awardTargetIn } from "../award-credential.ts";
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

/** One row through the award use case: the award it made (or had made before), or why it could not. */
async function awardRow(
  deps: AppDeps,
  r: Repositories,
  target: AwardTarget,
  actor: Actor,
  batch: AwardBatch,
  row: number,
  data: Record<string, unknown>,
): Promise<{ awardId: string } | { error: string }> {
  const parsed = awardRequest.safeParse(data);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid row." };
  try {
    const { award } = await awardIn(deps, r, target, actor, parsed.data, {
      idempotencyKey: batchRowKey(batch.id, row),
      notify: batch.notify,
      batchId: batch.id,
    });
    return { awardId: award.id };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { error: error.message };
  }
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
    const rows = await r.awardBatches.pendingRows(batchId, batch.processedThrough, chunkSize);
    // Looked up once for the chunk; a definition archived mid-batch fails the rest of its rows with the reason.
    const target = await awardTargetIn(deps, r, organization, batch.achievementId).catch((error: unknown) => {
      if (!isDomainError(error)) throw error;
      return error;
    });
    let issued = 0;
    for (const { row, data } of rows) {
      const result = isDomainError(target)
        ? { error: target.message }
        : await awardRow(deps, r, target, actor, batch, row, data);
      await r.awardBatches.completeRow(batchId, row, result);
      if ("awardId" in result) issued += 1;
    }
    const failed = rows.length - issued;
    const done = rows.length < chunkSize;
    await r.awardBatches.update(batchId, {
      issued: batch.issued + issued,
      failed: batch.failed + failed,
      processedThrough: rows.at(-1)?.row ?? batch.processedThrough,
      status: done ? "done" : "running",
      ...(done ? { finishedAt: deps.clock() } : {}),
    });
    if (!done && options.queueNext !== false) await r.jobs.send(AWARD_BATCH_JOB, { batchId });
    return { done, processed: rows.length };
  });
}
