import type { CourseContent } from "../../domain/earning/course.ts";

/** The three levels of every criterion of the demo's rubric, with that criterion's descriptors. */
const levels = (beginning: string, developing: string, proficient: string) => [
  { id: "beginning", name: "Beginning", points: 1, descriptor: beginning },
  { id: "developing", name: "Developing", points: 2, descriptor: developing },
  { id: "proficient", name: "Proficient", points: 3, descriptor: proficient },
];

/**
 * The demo's learning path for "Accessible Dashboards": three modules, a quiz drawn from a bank, and a
 * peer-reviewed project graded against a rubric. Ids are fixed so re-seeding finds what it made.
 */
export const DEMO_COURSE: CourseContent = {
  enrolment: "open",
  modules: [
    {
      id: "choose-a-chart",
      title: "Choosing a chart for a question",
      body: [
        "## Start from the question",
        "",
        "Every chart answers one question. Write it down before you open a tool:",
        "",
        "- *How has it changed?* → a line chart over time",
        "- *How do these compare?* → a bar chart, sorted",
        "- *What is it made of?* → a stacked bar (avoid pies beyond three parts)",
        "",
        "Read [the Government Analysis Function guidance](https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-charts/) for more.",
      ].join("\n"),
      videoUrl: "https://www.youtube.com/watch?v=5Zg-C8AAIGg",
      assessments: [
        {
          kind: "quiz",
          id: "chart-basics",
          title: "Chart basics",
          passMark: 75,
          drawCount: 4,
          shuffleOptions: true,
          maxAttempts: 3,
          cooldownMinutes: 10,
          timeLimitMinutes: 20,
          questions: [
            {
              kind: "single",
              id: "trend",
              prompt: "Which chart shows how monthly sales changed over two years?",
              points: 1,
              options: [
                { id: "line", text: "A line chart" },
                { id: "pie", text: "A pie chart" },
                { id: "scatter", text: "A scatter plot" },
              ],
              correct: ["line"],
            },
            {
              kind: "multiple",
              id: "contrast",
              prompt:
                "Which of these make a chart readable for people with low vision? Choose all that apply.",
              points: 1,
              options: [
                { id: "contrast", text: "Text contrast of at least 4.5:1" },
                { id: "labels", text: "Direct labels instead of a colour-only legend" },
                { id: "3d", text: "3D bars" },
              ],
              correct: ["contrast", "labels"],
            },
            {
              kind: "numeric",
              id: "ratio",
              prompt: "What minimum contrast ratio does WCAG AA ask for normal text? (e.g. 4.5)",
              points: 1,
              answer: 4.5,
              tolerance: 0,
            },
            {
              kind: "text",
              id: "alt",
              prompt: "What HTML attribute gives an image its text alternative?",
              points: 1,
              accepted: ["alt"],
            },
            {
              kind: "single",
              id: "sorted",
              prompt: "Ten categories compared by size: how should the bars be ordered?",
              points: 1,
              options: [
                { id: "alpha", text: "Alphabetically" },
                { id: "size", text: "By value, largest first" },
                { id: "random", text: "It does not matter" },
              ],
              correct: ["size"],
            },
            {
              kind: "numeric",
              id: "pie-parts",
              prompt: "Beyond how many parts does a pie chart become hard to read, by this module's advice?",
              points: 1,
              answer: 3,
              tolerance: 0,
            },
          ],
        },
      ],
    },
    {
      id: "accessible-design",
      title: "Designing for everyone",
      body: [
        "## Colour is never the only signal",
        "",
        "Pair colour with labels, patterns or position. Check your palette with a colour-blindness simulator.",
        "",
        "```",
        "contrast(#1f5f8b, #ffffff) = 6.9:1  ✓ AA",
        "```",
        "",
        "Give every chart a title that states its finding, and a text alternative that says the same.",
      ].join("\n"),
      assessments: [],
    },
    {
      id: "client-dashboard",
      title: "Studio project: a dashboard for a client",
      body: "Build a one-page dashboard for the brief in the project below, then review two classmates' dashboards.",
      assessments: [
        {
          kind: "project",
          id: "dashboard",
          title: "Client dashboard",
          brief:
            "The city library wants to see loans per branch per month and which branches grew. Build a dashboard (any tool), publish it, and write 200 words on your design choices.",
          passPoints: 6,
          accepts: { text: true, links: true, files: true, fileTypes: ["pdf", "png"], maxFileMb: 10 },
          // Levels score 1–3: reviewers who put a criterion at opposite ends (1 and 3) are flagged.
          peerReview: { reviews: 2, disagreementPoints: 1, reviewBeforeGraded: true },
          rubric: [
            {
              id: "fit",
              name: "Chart fits the question",
              description: "Each chart answers a question of the brief.",
              levels: levels(
                "Charts do not match the questions.",
                "Most charts match; one misleads.",
                "Every chart answers its question.",
              ),
            },
            {
              id: "access",
              name: "Accessibility",
              description: "Contrast, labels and a text alternative.",
              levels: levels(
                "Colour is the only signal.",
                "Labelled, but low contrast.",
                "Meets WCAG AA throughout.",
              ),
            },
            {
              id: "story",
              name: "Design rationale",
              description: "The 200 words explain the choices.",
              levels: levels(
                "Describes, does not explain.",
                "Explains some choices.",
                "Explains every choice with reasons.",
              ),
            },
          ],
        },
      ],
    },
  ],
  rules: {
    kind: "all",
    rules: [
      { kind: "module", moduleId: "choose-a-chart" },
      { kind: "module", moduleId: "accessible-design" },
      { kind: "module", moduleId: "client-dashboard" },
      { kind: "quiz", quizId: "chart-basics", minPercent: 75 },
      { kind: "rubric", projectId: "dashboard", minPoints: 6 },
      { kind: "reviews", projectId: "dashboard", min: 2 },
    ],
  },
};
