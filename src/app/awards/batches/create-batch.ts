import { createHash } from "node:crypto";
import { type CheckedRow, NoAwardableRows, type RowError } from "../../../domain/awards/csv-awards.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { Actor, Organization } from "../../../domain/types.ts";
import { audit } from "../../audit.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import { awardTargetIn } from "../award-credential.ts";
import { AWARD_BATCH_JOB, type AwardBatch } from "./batch-types.ts";

export type NewBatch = {
  achievementId: string;
  notify: boolean;
  /** Validated rows in file order, streamed: they are stored as they come, a thousand at a time. */
  rows: Iterable<CheckedRow> | AsyncIterable<CheckedRow>;
  /** An API client's Idempotency-Key: the same key in the same organization always names the same batch. */
  idempotencyKey?: string | undefined;
};
/** `invalid` lists the rows that were stored with an error and will not be awarded. */
export type CreatedBatch = { batch: AwardBatch; created: boolean; invalid: RowError[] };
const STORE_CHUNK = 1_000;

/** The batch id an idempotency key stands for (a name-based UUID, so no extra column is needed). */
export function batchIdFor(organizationId: string, idempotencyKey: string): string {
  const hex = createHash("sha256").update(`award-batch:${organizationId}:${idempotencyKey}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const stored = (row: CheckedRow) => ({
  row: row.row,
  data: row.data,
  awardId: null,
  error: row.ok ? null : row.error.message,
});

/**
 * Records a bulk award in one transaction: the batch (queued), every row as it streams in (the invalid ones with their
 * error, so the report lists them), and the job that issues the valid rows. Nothing is issued here.
 */
export async function createBatchIn(
  deps: AppDeps,
  r: Repositories,
  organization: Organization,
  actor: Actor,
  input: NewBatch,
): Promise<CreatedBatch> {
  const id = input.idempotencyKey ? batchIdFor(organization.id, input.idempotencyKey) : deps.newId();
  if (input.idempotencyKey) {
    const earlier = await r.awardBatches.find(organization.id, id);
    if (earlier) {
      if (earlier.achievementId !== input.achievementId) {
        throw new DomainError("idempotency_conflict", "This Idempotency-Key was used for another batch.");
      }
      return { batch: earlier, created: false, invalid: [] };
    }
  }
  await awardTargetIn(deps, r, organization, input.achievementId);
  const now = deps.clock();
  const batch: AwardBatch = {
    id,
    organizationId: organization.id,
    achievementId: input.achievementId,
    status: "queued",
    total: 0,
    issued: 0,
    failed: 0,
    processedThrough: 0,
    notify: input.notify,
    createdBy: actor.kind === "user" ? actor.userId : actor.kind === "api_key" ? actor.apiKeyId : null,
    createdAt: now,
    finishedAt: null,
  };
  await r.awardBatches.insert(batch);
  const invalid: RowError[] = [];
  let buffer: ReturnType<typeof stored>[] = [];
  for await (const row of input.rows) {
    batch.total += 1;
    if (!row.ok) invalid.push(row.error);
    buffer.push(stored(row));
    if (buffer.length === STORE_CHUNK) {
      await r.awardBatches.insertRows(id, buffer);
      buffer = [];
    }
  }
  // Rolls the batch and its rows back: an upload with no awardable row leaves nothing behind.
  if (invalid.length === batch.total) throw new NoAwardableRows(invalid);
  await r.awardBatches.insertRows(id, buffer);
  batch.failed = invalid.length;
  await r.awardBatches.update(id, { total: batch.total, failed: batch.failed });
  await r.jobs.send(AWARD_BATCH_JOB, { batchId: id });
  await audit(r, {
    action: "award_batch.created",
    actor,
    organizationId: organization.id,
    subject: id,
    data: {
      achievementId: input.achievementId,
      total: batch.total,
      invalid: batch.failed,
      notify: input.notify,
    },
    at: now,
  });
  return { batch, created: true, invalid };
}

export const createAwardBatch = (deps: AppDeps, actor: Actor, slug: string, input: NewBatch) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return createBatchIn(deps, r, organization, actor, input);
  });
