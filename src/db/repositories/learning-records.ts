import { and, count, eq, isNotNull } from "drizzle-orm";
import { rubricGrade } from "../../domain/earning/enrolment.ts";
import type { LearningRecord } from "../../domain/earning/learning-record.ts";
import type { Db } from "../client.ts";
import { enrolments, moduleCompletions, peerReviews, projectSubmissions, quizAttempts } from "../schema.ts";

/** Reads an enrolment's learning record: the dated facts behind the results a credential earned on the path carries. */
export async function learningRecord(db: Db, enrolmentId: string): Promise<LearningRecord | undefined> {
  const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
  if (!enrolment) return undefined;
  const [modules, attempts, graded, given] = await Promise.all([
    db.select().from(moduleCompletions).where(eq(moduleCompletions.enrolmentId, enrolmentId)),
    db
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.enrolmentId, enrolmentId), isNotNull(quizAttempts.submittedAt))),
    db
      .select({ submission: projectSubmissions, peerReviews: count(peerReviews.id) })
      .from(projectSubmissions)
      .leftJoin(
        peerReviews,
        and(eq(peerReviews.submissionId, projectSubmissions.id), isNotNull(peerReviews.submittedAt)),
      )
      .where(and(eq(projectSubmissions.enrolmentId, enrolmentId), eq(projectSubmissions.status, "graded")))
      .groupBy(projectSubmissions.id),
    db
      .select({ n: count() })
      .from(peerReviews)
      .where(and(eq(peerReviews.reviewerEnrolmentId, enrolmentId), isNotNull(peerReviews.submittedAt))),
  ]);
  const quizzes = new Map<string, LearningRecord["quizzes"][number]>();
  for (const a of attempts) {
    const percent = a.percent ?? 0;
    const best = quizzes.get(a.quizId);
    const attemptsSoFar = (best?.attempts ?? 0) + 1;
    quizzes.set(
      a.quizId,
      !best || percent > best.percent || (percent === best.percent && a.number < best.attempt)
        ? {
            quizId: a.quizId,
            percent,
            attempt: a.number,
            attempts: attemptsSoFar,
            submittedAt: a.submittedAt ?? a.startedAt,
          }
        : { ...best, attempts: attemptsSoFar },
    );
  }
  const projects = new Map<string, LearningRecord["projects"][number]>();
  for (const { submission: s, peerReviews: reviews } of graded) {
    const latest = projects.get(s.projectId);
    if (latest && latest.revision > s.revision) continue;
    projects.set(s.projectId, {
      projectId: s.projectId,
      revision: s.revision,
      grade: rubricGrade.parse(s.grade ?? {}),
      points: s.points ?? 0,
      gradedAt: s.gradedAt ?? s.submittedAt,
      peerReviews: reviews,
      text: s.text,
      links: s.links,
      feedback: s.feedback,
    });
  }
  return {
    startedAt: enrolment.decidedAt ?? enrolment.createdAt,
    modules: modules.map((m) => ({ moduleId: m.moduleId, completedAt: m.completedAt })),
    quizzes: [...quizzes.values()],
    projects: [...projects.values()],
    reviewsGiven: given[0]?.n ?? 0,
  };
}
