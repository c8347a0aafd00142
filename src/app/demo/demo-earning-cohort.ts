import type { GradingDecision } from "../earning/grade-submission.ts";

/**
 * Who is on the demo's "Accessible Dashboards" path and how far each got. Days count back from the day the demo is
 * first seeded; every step is played through the learners' and the assessor's own use cases at that moment.
 */
export type DemoLearnerPlan = {
  name: string;
  email: string;
  /** What the demo's summary says of them. */
  stage: string;
  /** Enrolled this many days ago; each listed module is completed a day after the one before. */
  enrolledDaysAgo: number;
  modules: readonly string[];
  /** Quiz attempts in order, a day apart after the first module (well past the cool-down). */
  quiz: readonly ("fail" | "pass")[];
  project?: { daysAgo: number; text: string; links: string };
  /** Which of their peer-review tasks they complete: all, or only those on these learners' work. */
  reviews: "all" | readonly string[];
  reviewDaysAgo?: number;
  /** What the assessor decides on their submission, and when. */
  assessor?: { daysAgo: number; decision: GradingDecision };
  publicEvidence?: boolean;
};

const LINK = (who: string) => `https://dashboards.learner.test/${who}/library-loans`;

export const DEMO_COHORT: readonly DemoLearnerPlan[] = [
  {
    name: "Lena Lindqvist",
    email: "lena@learner.test",
    stage:
      "completed the path: quiz passed on the second attempt, project peer-reviewed and graded → awarded",
    enrolledDaysAgo: 24,
    modules: ["choose-a-chart", "accessible-design", "client-dashboard"],
    quiz: ["fail", "pass"],
    project: {
      daysAgo: 14,
      text: "Loans per branch are a sorted bar chart; growth is a line per branch with direct labels, so colour is never the only signal. Every chart has a title that states its finding and a text alternative saying the same. Contrast checked at 7:1.",
      links: LINK("lena"),
    },
    reviews: "all",
    reviewDaysAgo: 9,
    assessor: {
      daysAgo: 3,
      decision: {
        action: "grade",
        levels: { fit: "proficient", access: "proficient", story: "developing" },
        feedback:
          "Clear, honest charts and exemplary accessibility. Say more about why you chose lines over small multiples.",
      },
    },
    publicEvidence: true,
  },
  {
    name: "Priya Pillai",
    email: "priya@learner.test",
    stage: "project awaits grading; her two peer reviewers disagree, so it is flagged for the assessor",
    enrolledDaysAgo: 22,
    modules: ["choose-a-chart", "accessible-design", "client-dashboard"],
    quiz: ["pass"],
    project: {
      daysAgo: 13,
      text: "A single page: a heat map of loans by branch and month, and a ranked table of growth. I used the library's brand colours.",
      links: LINK("priya"),
    },
    reviews: "all",
    reviewDaysAgo: 8,
  },
  {
    name: "Noah Nakamura",
    email: "noah@learner.test",
    stage: "project returned for revision by the assessor",
    enrolledDaysAgo: 20,
    modules: ["choose-a-chart", "accessible-design"],
    quiz: ["pass"],
    project: {
      daysAgo: 12,
      text: "Pie charts of loans per branch, one per month, in a grid.",
      links: LINK("noah"),
    },
    reviews: "all",
    reviewDaysAgo: 7,
    assessor: {
      daysAgo: 2,
      decision: {
        action: "return",
        feedback:
          "Twelve pies hide the trend the library asked about. Show loans over time as lines, add direct labels and a text alternative, then resubmit.",
      },
    },
  },
  {
    name: "Luis Llorente",
    email: "luis@learner.test",
    stage: "quiz passed, project submitted; one peer review still to give, so grading waits for him",
    enrolledDaysAgo: 18,
    modules: ["choose-a-chart", "accessible-design"],
    quiz: ["pass"],
    project: {
      daysAgo: 10,
      text: "Small multiples of monthly loans per branch on a shared axis, with growth called out in the titles.",
      links: LINK("luis"),
    },
    reviews: ["lena@learner.test", "priya@learner.test"],
    reviewDaysAgo: 6,
  },
  {
    name: "Mei Moreau",
    email: "mei@learner.test",
    stage: "just enrolled and finished module 1",
    enrolledDaysAgo: 2,
    modules: ["choose-a-chart"],
    quiz: [],
    reviews: "all",
  },
];

/** The learners the demo adds for this path (Lena and Luis already exist). */
export const NEW_DEMO_LEARNERS = DEMO_COHORT.filter(
  (p) => p.email !== "lena@learner.test" && p.email !== "luis@learner.test",
);
