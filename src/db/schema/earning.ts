import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { at } from "./columns.ts";
import { achievements, awards } from "./issuing.ts";
import { organizations } from "./organizations.ts";

/** A micro-credential's learning path: modules, assessments and rules, as one document (domain/earning/course.ts). */
export const courses = pgTable("courses", {
  achievementId: uuid("achievement_id")
    .primaryKey()
    .references(() => achievements.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  content: jsonb("content").notNull(),
  updatedAt: at("updated_at").notNull(),
});

/** A learner on a path: pending (asked, awaiting approval), active, declined, or completed (awarded). */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey(),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    createdAt: at("created_at").notNull(),
    decidedAt: at("decided_at"),
    decidedBy: uuid("decided_by"),
    completedAt: at("completed_at"),
    awardId: uuid("award_id").references(() => awards.id, { onDelete: "set null" }),
    /** Whether the evidence page of this path is public (the learner decides). */
    evidencePublic: boolean("evidence_public").notNull().default(false),
  },
  (t) => [
    uniqueIndex("enrolments_learner_idx").on(t.achievementId, t.userId),
    index("enrolments_user_idx").on(t.userId),
    index("enrolments_org_idx").on(t.organizationId, t.status),
  ],
);

/** An invitation to a path that admits by invitation; the link's token is stored only as a digest. */
export const courseInvitations = pgTable(
  "course_invitations",
  {
    id: uuid("id").primaryKey(),
    achievementId: uuid("achievement_id")
      .notNull()
      .references(() => achievements.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by"),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
  },
  (t) => [index("course_invitations_idx").on(t.achievementId, t.email)],
);

export const moduleCompletions = pgTable(
  "module_completions",
  {
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    completedAt: at("completed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.moduleId] })],
);

/**
 * One attempt at a quiz. `questions` snapshots the drawn questions, their option order and answer keys, so grading
 * never depends on later edits; `answers` is written once, on submission.
 */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    quizId: text("quiz_id").notNull(),
    number: integer("number").notNull(),
    questions: jsonb("questions").notNull(),
    startedAt: at("started_at").notNull(),
    deadlineAt: at("deadline_at"),
    submittedAt: at("submitted_at"),
    answers: jsonb("answers"),
    points: doublePrecision("points"),
    maxPoints: doublePrecision("max_points"),
    percent: doublePrecision("percent"),
    passed: boolean("passed"),
  },
  (t) => [uniqueIndex("quiz_attempts_number_idx").on(t.enrolmentId, t.quizId, t.number)],
);

/**
 * One revision of a project submission: submitted, returned for revision, or graded. `grade` maps each rubric
 * criterion id to the chosen level id; `points` is its total.
 */
export const projectSubmissions = pgTable(
  "project_submissions",
  {
    id: uuid("id").primaryKey(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: text("project_id").notNull(),
    revision: integer("revision").notNull(),
    text: text("text").notNull().default(""),
    links: text("links").array().notNull(),
    status: text("status").notNull(),
    submittedAt: at("submitted_at").notNull(),
    gradedAt: at("graded_at"),
    gradedBy: uuid("graded_by"),
    grade: jsonb("grade"),
    points: doublePrecision("points"),
    feedback: text("feedback"),
  },
  (t) => [
    uniqueIndex("project_submissions_revision_idx").on(t.enrolmentId, t.projectId, t.revision),
    index("project_submissions_queue_idx").on(t.organizationId, t.status, t.submittedAt),
  ],
);

/** A file attached to a submission; its bytes live behind the file storage port under `storageKey`. */
export const submissionFiles = pgTable(
  "submission_files",
  {
    id: uuid("id").primaryKey(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => projectSubmissions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("submission_files_idx").on(t.submissionId)],
);

/** A peer review task: assigned when submissions arrive, completed with a level per rubric criterion. */
export const peerReviews = pgTable(
  "peer_reviews",
  {
    id: uuid("id").primaryKey(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => projectSubmissions.id, { onDelete: "cascade" }),
    reviewerEnrolmentId: uuid("reviewer_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    assignedAt: at("assigned_at").notNull(),
    submittedAt: at("submitted_at"),
    scores: jsonb("scores"),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("peer_reviews_pair_idx").on(t.submissionId, t.reviewerEnrolmentId),
    index("peer_reviews_reviewer_idx").on(t.reviewerEnrolmentId),
  ],
);
