import { createHash } from "node:crypto";
import type { CheckedRow } from "../../../domain/awards/csv-awards.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { Actor, Organization } from "../../../domain/types.ts";
import { getPublicAchievementIn } from "../../achievements/public-achievement.ts";
import { audit } from "../../audit.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import { AWARD_BATCH_JOB, type AwardBatch } from "./batch-types.ts";
import type { CheckedRows } from "./read-csv.ts";

export type NewBatch = {
  achievementId: string;
  notify: boolean;
  rows: CheckedRows;
  /** An API client's Idempotency-Key: the same key in the same organization always names the same batch. */
  idempotencyKey?: string | undefined;
};
export type CreatedBatch = { batch: AwardBatch; created: boolean };

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
 * Records a validated bulk award in one transaction: the batch (queued), every row (the invalid ones with their
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
      return { batch: earlier, created: false };
    }
  }
  const published = await getPublicAchievementIn(deps, r, input.achievementId).catch(() => undefined);
  if (
    !published ||
    published.achievement.organizationId !== organization.id ||
    published.achievement.status !== "published"
  ) {
    throw new DomainError(
      "achievement_not_published",
      "Only a published micro-credential of this organization can be awarded.",
    );
  }
  if (input.rows.valid.length === 0) {
    throw new DomainError("invalid_csv", "No row can be awarded; correct the rows listed and upload again.");
  }
  const now = deps.clock();
  const batch: AwardBatch = {
    id,
    organizationId: organization.id,
    achievementId: input.achievementId,
    status: "queued",
    total: input.rows.valid.length + input.rows.invalid.length,
    issued: 0,
    failed: input.rows.invalid.length,
    processedThrough: 0,
    notify: input.notify,
    createdBy: actor.kind === "user" ? actor.userId : actor.apiKeyId,
    createdAt: now,
    finishedAt: null,
  };
  await r.awardBatches.insert(batch);
  const rows = [...input.rows.valid.map(stored), ...input.rows.invalid.map(stored)].sort(
    (a, b) => a.row - b.row,
  );
  await r.awardBatches.insertRows(id, rows);
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
  return { batch, created: true };
}

export const createAwardBatch = (deps: AppDeps, actor: Actor, slug: string, input: NewBatch) =>
  deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    return createBatchIn(deps, r, organization, actor, input);
  });
