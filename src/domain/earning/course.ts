import { z } from "zod";

/**
 * A micro-credential's learning path: ordered modules with content and the assessments attached to them, how
 * learners enrol, and the rules that award the credential. Stored as one document per achievement; attempts,
 * submissions and reviews snapshot what they need, so editing a course never changes a grade already given.
 */

const id = z.string().trim().min(1).max(64);
const title = (message: string) => z.string().trim().min(1, message).max(200, "Use at most 200 characters.");

export const ENROLMENT_MODES = ["open", "invitation", "approval"] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

export const choiceOption = z.object({ id, text: z.string().trim().min(1, "Write the option.").max(500) });

const questionBase = {
  id,
  prompt: z.string().trim().min(1, "Write the question.").max(2000),
  points: z.number().int().min(1).max(100).default(1),
};

/** The four question kinds; each carries its own answer key, which never leaves the server before submission. */
export const question = z.discriminatedUnion("kind", [
  z.object({
    ...questionBase,
    kind: z.literal("single"),
    options: z.array(choiceOption).min(2, "Give at least two options.").max(10),
    correct: z.array(id).length(1, "Mark exactly one option correct."),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("multiple"),
    options: z.array(choiceOption).min(2, "Give at least two options.").max(10),
    correct: z.array(id).min(1, "Mark at least one option correct."),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("numeric"),
    answer: z.number(),
    /** Accepted distance from the answer, inclusive. */
    tolerance: z.number().min(0).default(0),
  }),
  z.object({
    ...questionBase,
    kind: z.literal("text"),
    /** Accepted answers, compared after normalization (case, accents, spacing, punctuation). */
    accepted: z.array(z.string().trim().min(1).max(200)).min(1, "Give at least one accepted answer."),
  }),
]);
export type Question = z.output<typeof question>;

export const quiz = z.object({
  kind: z.literal("quiz"),
  id,
  title: title("Name the quiz."),
  /** The question bank; each attempt draws `drawCount` of them (all when absent), in random order. */
  questions: z.array(question).max(200),
  drawCount: z.number().int().min(1).optional(),
  shuffleOptions: z.boolean().default(true),
  /** Percentage of points needed to pass. */
  passMark: z.number().min(0).max(100),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(0),
  /** Enforced on the server: answers after the deadline are refused. */
  timeLimitMinutes: z.number().int().min(1).max(600).optional(),
});
export type Quiz = z.output<typeof quiz>;

export const rubricLevel = z.object({
  id,
  name: title("Name the level."),
  descriptor: z.string().trim().max(1000).default(""),
  points: z.number().min(0).max(1000),
});
export const rubricCriterion = z.object({
  id,
  name: title("Name the criterion."),
  description: z.string().trim().max(1000).default(""),
  levels: z.array(rubricLevel).min(2, "Give each criterion at least two levels.").max(10),
});
export type RubricCriterion = z.output<typeof rubricCriterion>;

export const peerReviewSettings = z.object({
  /** Reviews each submission receives (k). */
  reviews: z.number().int().min(1).max(10),
  /** Points apart, on any criterion, beyond which reviewers disagree and an assessor is asked to look. */
  disagreementPoints: z.number().min(0).max(1000),
  /** Whether a learner must complete their assigned reviews before their own submission is graded. */
  reviewBeforeGraded: z.boolean().default(false),
});
export type PeerReviewSettings = z.output<typeof peerReviewSettings>;

export const project = z.object({
  kind: z.literal("project"),
  id,
  title: title("Name the project."),
  brief: z.string().trim().max(20_000).default(""),
  rubric: z.array(rubricCriterion).max(20),
  /** Total rubric points needed to pass. */
  passPoints: z.number().min(0).default(0),
  accepts: z.object({
    text: z.boolean().default(true),
    links: z.boolean().default(true),
    files: z.boolean().default(false),
    /** Accepted file extensions, lower case without the dot (pdf, png, zip …). */
    fileTypes: z
      .array(z.string().regex(/^[a-z0-9]{1,10}$/))
      .max(20)
      .default(["pdf"]),
    maxFileMb: z.number().min(0.1).max(100).default(10),
  }),
  /** Submissions after this instant are refused as late. */
  dueAt: z.iso.datetime().optional(),
  peerReview: peerReviewSettings.optional(),
});
export type Project = z.output<typeof project>;

export const assessment = z.discriminatedUnion("kind", [quiz, project]);
export type Assessment = z.output<typeof assessment>;

export const courseModule = z.object({
  id,
  title: title("Name the module."),
  /** Markdown: headings, lists, links, images, code. Raw HTML is shown as text. */
  body: z.string().max(50_000).default(""),
  /** A video shown with the module (YouTube, Vimeo, or a direct .mp4/.webm address). */
  videoUrl: z.url({ protocol: /^https$/ }).optional(),
  assessments: z.array(assessment).max(10).default([]),
});
export type CourseModule = z.output<typeof courseModule>;

/** A criteria rule over a learner's path; `all`/`any` combine rules into a tree. */
export type Rule =
  | { kind: "all"; rules: Rule[] }
  | { kind: "any"; rules: Rule[] }
  | { kind: "module"; moduleId: string }
  | { kind: "quiz"; quizId: string; minPercent: number }
  | { kind: "rubric"; projectId: string; minPoints: number; criterionId?: string | undefined }
  | { kind: "reviews"; projectId?: string | undefined; min: number };

export const rule: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("all"), rules: z.array(rule).max(50) }),
    z.object({ kind: z.literal("any"), rules: z.array(rule).min(1).max(50) }),
    z.object({ kind: z.literal("module"), moduleId: id }),
    z.object({ kind: z.literal("quiz"), quizId: id, minPercent: z.number().min(0).max(100) }),
    z.object({
      kind: z.literal("rubric"),
      projectId: id,
      minPoints: z.number().min(0),
      criterionId: id.optional(),
    }),
    z.object({ kind: z.literal("reviews"), projectId: id.optional(), min: z.number().int().min(1).max(100) }),
  ]),
);

export const courseContent = z.object({
  enrolment: z.enum(ENROLMENT_MODES).default("open"),
  modules: z.array(courseModule).max(100).default([]),
  /** Absent: every module completed and every assessment passed. */
  rules: rule.optional(),
});
export type CourseContent = z.output<typeof courseContent>;

export type Course = CourseContent & {
  achievementId: string;
  organizationId: string;
  updatedAt: Date;
};

export const quizzesOf = (course: CourseContent): Quiz[] =>
  course.modules.flatMap((m) => m.assessments.filter((a): a is Quiz => a.kind === "quiz"));
export const projectsOf = (course: CourseContent): Project[] =>
  course.modules.flatMap((m) => m.assessments.filter((a): a is Project => a.kind === "project"));
export const findAssessment = (course: CourseContent, assessmentId: string) => {
  for (const module of course.modules) {
    const found = module.assessments.find((a) => a.id === assessmentId);
    if (found) return { module, assessment: found };
  }
  return undefined;
};
export const rubricMaxPoints = (rubric: readonly RubricCriterion[]) =>
  rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);

/** The rules that apply when the issuer wrote none: every module completed, every quiz and project passed. */
export function effectiveRules(course: CourseContent): Rule {
  if (course.rules) return course.rules;
  return {
    kind: "all",
    rules: [
      ...course.modules.map((m): Rule => ({ kind: "module", moduleId: m.id })),
      ...quizzesOf(course).map((q): Rule => ({ kind: "quiz", quizId: q.id, minPercent: q.passMark })),
      ...projectsOf(course).map((p): Rule => ({ kind: "rubric", projectId: p.id, minPoints: p.passPoints })),
    ],
  };
}
