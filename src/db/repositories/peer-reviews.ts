import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { PeerReview, PeerReviewRepository, ReviewableSubmission } from "../../app/ports.ts";
import type { Db } from "../client.ts";
import { enrolments, peerReviews, projectSubmissions, submissionFiles } from "../schema.ts";

// Scores are written only by submit-review from a validated form; parsing them again keeps the type honest.
const scores = z.record(z.string(), z.object({ levelId: z.string(), points: z.number() })).nullable();
const toReview = (row: typeof peerReviews.$inferSelect): PeerReview => ({
  ...row,
  scores: scores.parse(row.scores ?? null),
});

const submissionColumns = {
  id: projectSubmissions.id,
  enrolmentId: projectSubmissions.enrolmentId,
  achievementId: enrolments.achievementId,
  organizationId: projectSubmissions.organizationId,
  projectId: projectSubmissions.projectId,
  revision: projectSubmissions.revision,
  text: projectSubmissions.text,
  links: projectSubmissions.links,
  status: projectSubmissions.status,
  submittedAt: projectSubmissions.submittedAt,
};

export const peerReviewRepository = (db: Db): PeerReviewRepository => ({
  submissionsForProject: (achievementId, projectId): Promise<ReviewableSubmission[]> =>
    db
      .select(submissionColumns)
      .from(projectSubmissions)
      .innerJoin(enrolments, eq(enrolments.id, projectSubmissions.enrolmentId))
      .where(and(eq(enrolments.achievementId, achievementId), eq(projectSubmissions.projectId, projectId)))
      .orderBy(
        asc(projectSubmissions.submittedAt),
        asc(projectSubmissions.revision),
        asc(projectSubmissions.id),
      ),
  async findSubmission(id) {
    const [row] = await db
      .select(submissionColumns)
      .from(projectSubmissions)
      .innerJoin(enrolments, eq(enrolments.id, projectSubmissions.enrolmentId))
      .where(eq(projectSubmissions.id, id));
    return row;
  },
  filesOf: (submissionId) =>
    db
      .select({
        id: submissionFiles.id,
        name: submissionFiles.name,
        mediaType: submissionFiles.mediaType,
        size: submissionFiles.size,
      })
      .from(submissionFiles)
      .where(eq(submissionFiles.submissionId, submissionId))
      .orderBy(asc(submissionFiles.createdAt), asc(submissionFiles.name)),
  async lockProject(achievementId, projectId) {
    await db.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`peer:${achievementId}:${projectId}`}, 0))`,
    );
  },
  async forProject(achievementId, projectId) {
    const rows = await db
      .select({ review: peerReviews })
      .from(peerReviews)
      .innerJoin(projectSubmissions, eq(projectSubmissions.id, peerReviews.submissionId))
      .innerJoin(enrolments, eq(enrolments.id, projectSubmissions.enrolmentId))
      .where(and(eq(enrolments.achievementId, achievementId), eq(projectSubmissions.projectId, projectId)))
      .orderBy(asc(peerReviews.assignedAt), asc(peerReviews.id));
    return rows.map((row) => toReview(row.review));
  },
  async forSubmission(submissionId) {
    const rows = await db
      .select()
      .from(peerReviews)
      .where(eq(peerReviews.submissionId, submissionId))
      .orderBy(asc(peerReviews.assignedAt), asc(peerReviews.id));
    return rows.map(toReview);
  },
  async forReviewer(reviewerEnrolmentId) {
    const rows = await db
      .select({ review: peerReviews, projectId: projectSubmissions.projectId })
      .from(peerReviews)
      .innerJoin(projectSubmissions, eq(projectSubmissions.id, peerReviews.submissionId))
      .where(eq(peerReviews.reviewerEnrolmentId, reviewerEnrolmentId))
      .orderBy(desc(peerReviews.assignedAt), asc(peerReviews.id));
    return rows.map((row) => ({ ...toReview(row.review), projectId: row.projectId }));
  },
  async insert(review) {
    await db.insert(peerReviews).values(review);
  },
  async withdraw(submissionId, reviewerEnrolmentId) {
    await db
      .delete(peerReviews)
      .where(
        and(
          eq(peerReviews.submissionId, submissionId),
          eq(peerReviews.reviewerEnrolmentId, reviewerEnrolmentId),
          isNull(peerReviews.submittedAt),
        ),
      );
  },
  async lock(id) {
    const [row] = await db.select().from(peerReviews).where(eq(peerReviews.id, id)).for("update");
    return row && toReview(row);
  },
  async complete(id, review) {
    const rows = await db
      .update(peerReviews)
      .set(review)
      .where(and(eq(peerReviews.id, id), isNull(peerReviews.submittedAt)))
      .returning({ id: peerReviews.id });
    return rows.length > 0;
  },
});
