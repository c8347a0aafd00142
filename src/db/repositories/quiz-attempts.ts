import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { QuizAttemptRepository } from "../../app/ports.ts";
import { attemptSnapshot } from "../../domain/earning/quiz-draw.ts";
import type { QuizAttempt } from "../../domain/earning/quiz-policy.ts";
import type { Db } from "../client.ts";
import { quizAttempts } from "../schema.ts";

const storedAnswers = z.record(z.string(), z.array(z.string())).nullable();

const toAttempt = (row: typeof quizAttempts.$inferSelect): QuizAttempt => ({
  id: row.id,
  enrolmentId: row.enrolmentId,
  quizId: row.quizId,
  number: row.number,
  // Written only from validated snapshots and answers; parsed again rather than cast.
  snapshot: attemptSnapshot.parse(row.questions),
  startedAt: row.startedAt,
  deadlineAt: row.deadlineAt,
  submittedAt: row.submittedAt,
  answers: storedAnswers.parse(row.answers ?? null),
  points: row.points,
  maxPoints: row.maxPoints,
  percent: row.percent,
  passed: row.passed,
});

export const quizAttemptRepository = (db: Db): QuizAttemptRepository => ({
  async find(id) {
    const [row] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
    return row && toAttempt(row);
  },
  async listFor(enrolmentId, quizId) {
    const rows = await db
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.enrolmentId, enrolmentId), eq(quizAttempts.quizId, quizId)))
      .orderBy(asc(quizAttempts.number));
    return rows.map(toAttempt);
  },
  async insert(attempt) {
    const { snapshot, ...rest } = attempt;
    await db.insert(quizAttempts).values({ ...rest, questions: snapshot });
  },
  async close(id, outcome) {
    const rows = await db
      .update(quizAttempts)
      .set(outcome)
      .where(and(eq(quizAttempts.id, id), isNull(quizAttempts.submittedAt)))
      .returning({ id: quizAttempts.id });
    return rows.length > 0;
  },
});
