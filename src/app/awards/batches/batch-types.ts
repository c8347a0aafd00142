export type AwardBatchStatus = "queued" | "running" | "done";

/** A bulk award: its validated rows live in award_batch_rows; counters move as the job works through them. */
export type AwardBatch = {
  id: string;
  organizationId: string;
  achievementId: string;
  status: AwardBatchStatus;
  total: number;
  issued: number;
  failed: number;
  /** The last row a chunk finished: rows are awarded in order, so the next chunk starts after it. */
  processedThrough: number;
  notify: boolean;
  /** The user, or for API batches the API key, that created the batch. */
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** One row: its input, and once done the award it produced or why it failed. */
export type AwardBatchRow = {
  row: number;
  data: Record<string, unknown>;
  awardId: string | null;
  error: string | null;
};
export type AwardBatchReportRow = AwardBatchRow & { credentialId: string | null };

export const AWARD_BATCH_JOB = "awards.batch";
/** Rows awarded per transaction: a crash loses at most one chunk's work, which the retry redoes. */
export const BATCH_CHUNK = 200;
