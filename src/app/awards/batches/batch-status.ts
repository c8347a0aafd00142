import { csvLine } from "../../../domain/awards/csv-awards.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/types.ts";
import { authorizeOrganization } from "../../authorize.ts";
import type { AppDeps, Repositories } from "../../ports.ts";
import type { AwardBatch, AwardBatchReportRow } from "./batch-types.ts";

const MAX_ERRORS_SHOWN = 1_000;
const REPORT_PAGE = 1_000;

async function batchOf(r: Repositories, actor: Actor, slug: string, id: string) {
  const { organization, membership } = await authorizeOrganization(r, actor, slug, "credentials:issue");
  const batch = /^[0-9a-f-]{36}$/i.test(id) ? await r.awardBatches.find(organization.id, id) : undefined;
  if (!batch) throw new DomainError("award_batch_not_found", "No such bulk award.");
  return { organization, membership, batch };
}

export type BatchView = Awaited<ReturnType<typeof batchOf>> & {
  errors: AwardBatchReportRow[];
  errorCount: number;
};

/** A batch with its counters and the first rows in error (up to 1,000; the report has all). */
export const getAwardBatch = (deps: AppDeps, actor: Actor, slug: string, id: string): Promise<BatchView> =>
  deps.uow(async (r) => {
    const found = await batchOf(r, actor, slug, id);
    const errorCount = await r.awardBatches.countErrors(id);
    const errors = await r.awardBatches.rows(id, { afterRow: 0, limit: MAX_ERRORS_SHOWN, errorsOnly: true });
    return { ...found, errors, errorCount };
  });

export const batchProgress = (batch: AwardBatch) => ({
  id: batch.id,
  achievementId: batch.achievementId,
  status: batch.status,
  total: batch.total,
  issued: batch.issued,
  failed: batch.failed,
  pending: Math.max(0, batch.total - batch.issued - batch.failed),
  notify: batch.notify,
  createdAt: batch.createdAt.toISOString(),
  finishedAt: batch.finishedAt?.toISOString() ?? null,
});

const recipientOf = (row: AwardBatchReportRow) =>
  typeof row.data.recipient === "string" ? row.data.recipient : "";

/** The result report, one CSV line per row, read a page at a time so a 100,000-row batch streams. */
export async function* batchReport(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  id: string,
): AsyncGenerator<string> {
  await deps.uow((r) => batchOf(r, actor, slug, id));
  yield csvLine(["row", "recipient", "status", "credentialId", "message"]);
  let afterRow = 0;
  for (;;) {
    const rows = await deps.uow((r) => r.awardBatches.rows(id, { afterRow, limit: REPORT_PAGE }));
    for (const row of rows) {
      const status = row.awardId ? "issued" : row.error ? "error" : "pending";
      yield csvLine([row.row, recipientOf(row), status, row.credentialId, row.error]);
    }
    if (rows.length < REPORT_PAGE) return;
    afterRow = rows.at(-1)?.row ?? afterRow;
  }
}
