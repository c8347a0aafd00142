import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { SubmissionRepository } from "../../app/ports.ts";
import { rubricGrade } from "../../domain/earning/enrolment.ts";
import type { ProjectSubmission, SubmissionStatus } from "../../domain/earning/submission.ts";
import type { Db } from "../client.ts";
import { enrolments, projectSubmissions, submissionFiles, users } from "../schema.ts";

// Rows are written only through this repository, from validated submissions and grades.
const toSubmission = (row: typeof projectSubmissions.$inferSelect): ProjectSubmission => ({
  ...row,
  status: row.status as SubmissionStatus,
  grade: row.grade === null ? null : rubricGrade.parse(row.grade),
});

// A revision no later revision of the same learner's project has replaced.
const isLatest = sql`NOT EXISTS (SELECT 1 FROM project_submissions later
  WHERE later.enrolment_id = ${projectSubmissions.enrolmentId} AND later.project_id = ${projectSubmissions.projectId}
  AND later.revision > ${projectSubmissions.revision})`;

export const submissionRepository = (db: Db): SubmissionRepository => ({
  async insert(submission) {
    await db.insert(projectSubmissions).values(submission);
  },
  async insertFile(file) {
    await db.insert(submissionFiles).values(file);
  },
  async find(id) {
    const [row] = await db.select().from(projectSubmissions).where(eq(projectSubmissions.id, id));
    return row && toSubmission(row);
  },
  async lock(id) {
    const [row] = await db
      .select()
      .from(projectSubmissions)
      .where(eq(projectSubmissions.id, id))
      .for("update");
    return row && toSubmission(row);
  },
  async revisions(enrolmentId, projectId) {
    const rows = await db
      .select()
      .from(projectSubmissions)
      .where(
        and(eq(projectSubmissions.enrolmentId, enrolmentId), eq(projectSubmissions.projectId, projectId)),
      )
      .orderBy(desc(projectSubmissions.revision));
    return rows.map(toSubmission);
  },
  async files(submissionIds) {
    if (submissionIds.length === 0) return [];
    return db
      .select()
      .from(submissionFiles)
      .where(inArray(submissionFiles.submissionId, [...submissionIds]))
      .orderBy(asc(submissionFiles.createdAt), asc(submissionFiles.name));
  },
  async findFile(id) {
    const [row] = await db.select().from(submissionFiles).where(eq(submissionFiles.id, id));
    return row;
  },
  async update(id, changes) {
    await db.update(projectSubmissions).set(changes).where(eq(projectSubmissions.id, id));
  },
  async queue(organizationId, limit) {
    const fileCount = sql<number>`(SELECT count(*) FROM submission_files f
      WHERE f.submission_id = ${projectSubmissions.id})`.mapWith(Number);
    const rows = await db
      .select({
        submission: projectSubmissions,
        achievementId: enrolments.achievementId,
        learnerName: users.name,
        fileCount,
      })
      .from(projectSubmissions)
      .innerJoin(enrolments, eq(enrolments.id, projectSubmissions.enrolmentId))
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(
        and(
          eq(projectSubmissions.organizationId, organizationId),
          eq(projectSubmissions.status, "submitted"),
        ),
      )
      .orderBy(asc(projectSubmissions.submittedAt), asc(projectSubmissions.id))
      .limit(limit);
    return rows.map((row) => ({
      ...toSubmission(row.submission),
      achievementId: row.achievementId,
      learnerName: row.learnerName,
      fileCount: row.fileCount,
    }));
  },
  async countByStatus(organizationId) {
    const rows = await db
      .select({ status: projectSubmissions.status, n: count() })
      .from(projectSubmissions)
      .where(and(eq(projectSubmissions.organizationId, organizationId), isLatest))
      .groupBy(projectSubmissions.status);
    const counts: Record<SubmissionStatus, number> = { submitted: 0, returned: 0, graded: 0 };
    for (const row of rows) if (row.status in counts) counts[row.status as SubmissionStatus] = row.n;
    return counts;
  },
});
