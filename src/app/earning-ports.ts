// The ports of earning: learning paths, enrolments and the progress the award rules read.
// Re-exported from ports.ts, where the use cases find every port.
import type { Course, EnrolmentMode } from "../domain/earning/course.ts";
import type { CourseInvitation, Enrolment, EnrolmentStatus } from "../domain/earning/enrolment.ts";
import type { CompletionFunnel } from "../domain/earning/funnel.ts";
import type { LearningRecord } from "../domain/earning/learning-record.ts";
import type { Progress } from "../domain/earning/progress.ts";
import type { QuizAttempt } from "../domain/earning/quiz-policy.ts";

export type CourseRepository = {
  find(achievementId: string): Promise<Course | undefined>;
  /** Finds and locks the course for the rest of the transaction: editors read, change and save it whole. */
  lock(achievementId: string): Promise<Course | undefined>;
  save(course: Course): Promise<void>;
  /** Of these achievements, those with a learning path of at least one module, with how learners enrol. */
  enrollable(achievementIds: readonly string[]): Promise<{ achievementId: string; mode: EnrolmentMode }[]>;
  /** The organization's achievements that have a learning path, with their content. */
  listForOrganization(organizationId: string): Promise<Course[]>;
};

export type EnrolmentRepository = {
  find(id: string): Promise<Enrolment | undefined>;
  findFor(achievementId: string, userId: string): Promise<Enrolment | undefined>;
  /** Locks the enrolment row for the rest of the transaction, so two completions cannot both award. */
  lock(id: string): Promise<Enrolment | undefined>;
  /** Inserts the enrolment; false when the learner is already enrolled (a concurrent request got there first). */
  insert(enrolment: Enrolment): Promise<boolean>;
  update(
    id: string,
    changes: Partial<
      Pick<Enrolment, "status" | "decidedAt" | "decidedBy" | "completedAt" | "awardId" | "evidencePublic">
    >,
  ): Promise<void>;
  listForUser(userId: string): Promise<Enrolment[]>;
  listForAchievement(achievementId: string, status?: EnrolmentStatus): Promise<Enrolment[]>;
  completeModule(enrolmentId: string, moduleId: string, at: Date): Promise<boolean>;
  /** Everything the award rules read: modules completed, best quiz scores, graded projects, reviews given. */
  progress(enrolmentId: string): Promise<Progress>;
  /** The dated facts a credential earned on the path carries (best attempts, graded projects, reviews). */
  record(enrolmentId: string): Promise<LearningRecord | undefined>;
  /** The completion funnel of every path of the organization that has enrolments. */
  funnels(organizationId: string): Promise<CompletionFunnel[]>;
  insertInvitation(invitation: CourseInvitation): Promise<void>;
  findInvitation(tokenHash: string): Promise<CourseInvitation | undefined>;
  acceptInvitation(id: string, at: Date): Promise<void>;
  invitations(achievementId: string): Promise<CourseInvitation[]>;
};

export type QuizAttemptRepository = {
  find(id: string): Promise<QuizAttempt | undefined>;
  /** A learner's attempts at one quiz, oldest first. */
  listFor(enrolmentId: string, quizId: string): Promise<QuizAttempt[]>;
  insert(attempt: QuizAttempt): Promise<void>;
  /** Records the outcome of an open attempt; false (and no change) when it was already closed. */
  close(
    id: string,
    outcome: Pick<QuizAttempt, "answers" | "points" | "maxPoints" | "percent" | "passed"> & {
      submittedAt: Date;
    },
  ): Promise<boolean>;
};
