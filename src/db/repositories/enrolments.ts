import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { EnrolmentRepository } from "../../app/ports.ts";
import { type Enrolment, type EnrolmentStatus, rubricGrade } from "../../domain/earning/enrolment.ts";
import { NO_PROGRESS, type Progress, withEvent } from "../../domain/earning/progress.ts";
import type { Db } from "../client.ts";
import {
  courseInvitations,
  enrolments,
  moduleCompletions,
  peerReviews,
  projectSubmissions,
  quizAttempts,
} from "../schema.ts";
import { completionFunnels } from "./completion-funnel.ts";
import { learningRecord } from "./learning-records.ts";

const toEnrolment = (row: typeof enrolments.$inferSelect): Enrolment => ({
  ...row,
  status: row.status as EnrolmentStatus,
});

export const enrolmentRepository = (db: Db): EnrolmentRepository => ({
  async find(id) {
    const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
    return row && toEnrolment(row);
  },
  async findFor(achievementId, userId) {
    const [row] = await db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.achievementId, achievementId), eq(enrolments.userId, userId)));
    return row && toEnrolment(row);
  },
  async lock(id) {
    const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id)).for("update");
    return row && toEnrolment(row);
  },
  async insert(enrolment) {
    const rows = await db.insert(enrolments).values(enrolment).onConflictDoNothing().returning();
    return rows.length > 0;
  },
  async update(id, changes) {
    await db.update(enrolments).set(changes).where(eq(enrolments.id, id));
  },
  async listForUser(userId) {
    const rows = await db
      .select()
      .from(enrolments)
      .where(eq(enrolments.userId, userId))
      .orderBy(desc(enrolments.createdAt));
    return rows.map(toEnrolment);
  },
  async listForAchievement(achievementId, status) {
    const rows = await db
      .select()
      .from(enrolments)
      .where(
        and(eq(enrolments.achievementId, achievementId), status ? eq(enrolments.status, status) : undefined),
      )
      .orderBy(asc(enrolments.createdAt));
    return rows.map(toEnrolment);
  },
  async completeModule(enrolmentId, moduleId, at) {
    const rows = await db
      .insert(moduleCompletions)
      .values({ enrolmentId, moduleId, completedAt: at })
      .onConflictDoNothing()
      .returning();
    return rows.length > 0;
  },
  async progress(enrolmentId) {
    const [modules, quizzes, graded, reviews] = await Promise.all([
      db.select().from(moduleCompletions).where(eq(moduleCompletions.enrolmentId, enrolmentId)),
      db
        .select({ quizId: quizAttempts.quizId, percent: quizAttempts.percent })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.enrolmentId, enrolmentId), isNotNull(quizAttempts.percent))),
      db
        .select()
        .from(projectSubmissions)
        .where(and(eq(projectSubmissions.enrolmentId, enrolmentId), eq(projectSubmissions.status, "graded"))),
      db
        .select({ projectId: projectSubmissions.projectId })
        .from(peerReviews)
        .innerJoin(projectSubmissions, eq(projectSubmissions.id, peerReviews.submissionId))
        .where(and(eq(peerReviews.reviewerEnrolmentId, enrolmentId), isNotNull(peerReviews.submittedAt))),
    ]);
    let progress: Progress = NO_PROGRESS;
    for (const m of modules) progress = withEvent(progress, { kind: "module", moduleId: m.moduleId });
    for (const q of quizzes) {
      progress = withEvent(progress, { kind: "quiz", quizId: q.quizId, percent: q.percent ?? 0 });
    }
    for (const s of graded) {
      const grade = rubricGrade.parse(s.grade ?? {});
      const byCriterion = Object.fromEntries(Object.entries(grade).map(([c, l]) => [c, l.points]));
      progress = withEvent(progress, {
        kind: "graded",
        projectId: s.projectId,
        grade: { revision: s.revision, points: s.points ?? 0, byCriterion },
      });
    }
    for (const r of reviews) progress = withEvent(progress, { kind: "review", projectId: r.projectId });
    return progress;
  },
  record: (enrolmentId) => learningRecord(db, enrolmentId),
  funnels: (organizationId) => completionFunnels(db, organizationId),
  async insertInvitation(invitation) {
    await db.insert(courseInvitations).values(invitation);
  },
  async findInvitation(tokenHash) {
    const [row] = await db.select().from(courseInvitations).where(eq(courseInvitations.tokenHash, tokenHash));
    return row;
  },
  async acceptInvitation(id, at) {
    await db.update(courseInvitations).set({ acceptedAt: at }).where(eq(courseInvitations.id, id));
  },
  invitations: (achievementId) =>
    db
      .select()
      .from(courseInvitations)
      .where(eq(courseInvitations.achievementId, achievementId))
      .orderBy(desc(courseInvitations.createdAt)),
});
