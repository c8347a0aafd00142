// Test support: a published micro-credential with a learning path (a module, a quiz, a rubric-graded project),
// an active enrolment, and the recorded facts of a learner's progress, written as the assessment tables hold them.
import { type CourseContent, courseContent } from "../src/domain/earning/course.ts";
import type { TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";

type Json = Record<string, unknown>;
let counter = 0;

export const content: CourseContent = courseContent.parse({
  modules: [
    {
      id: "m1",
      title: "Reading a balance sheet",
      body: "# Assets and liabilities",
      assessments: [
        {
          kind: "quiz",
          id: "q1",
          title: "Balance sheet basics",
          passMark: 70,
          questions: [
            { kind: "numeric", id: "n1", prompt: "2 + 2?", answer: 4 },
            { kind: "text", id: "t1", prompt: "Capital of France?", accepted: ["Paris"] },
          ],
        },
        {
          kind: "project",
          id: "p1",
          title: "Analyse a company",
          passPoints: 4,
          accepts: {},
          rubric: [
            {
              id: "c1",
              name: "Accuracy",
              levels: [
                { id: "l1", name: "Developing", points: 1, descriptor: "Some errors" },
                { id: "l2", name: "Proficient", points: 3, descriptor: "Accurate" },
              ],
            },
            {
              id: "c2",
              name: "Clarity",
              levels: [
                { id: "l1", name: "Developing", points: 1 },
                { id: "l2", name: "Proficient", points: 3 },
              ],
            },
          ],
        },
      ],
    },
  ],
});

/** A published micro-credential with this course, and an active enrolment of a new learner. */
export async function enrolled(ctx: TestContext) {
  const sql = async (text: string, params: unknown[] = []) =>
    (await ctx.database.executeSql(text, params)).rows as Json[];
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `earn-owner-${n}@example.org` });
  const slug = `earn-org-${n}`;
  await owner.submit("/orgs", { name: `Ledger School ${n}`, slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    name: "Financial Statements",
    description: "Reads and analyses financial statements.",
    criteria: "Complete the path.",
    learningOutcomes: "Analyse a balance sheet",
    workloadHours: "20",
    assessmentType: "project",
    participationForm: "online",
    qualityAssurance: "Assessed by certified accountants.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {});
  const learner = await signedUp(ctx.app, { email: `earn-learner-${n}@example.org`, name: `Learner ${n}` });
  const [user] = await sql("SELECT id FROM users WHERE email = $1", [`earn-learner-${n}@example.org`]);
  const [org] = await sql("SELECT id FROM organizations WHERE slug = $1", [slug]);
  const enrolmentId = ctx.deps.newId();
  const started = new Date(Date.now() - 10 * 86_400_000);
  await ctx.deps.uow(async (r) => {
    await r.courses.save({
      ...content,
      achievementId,
      organizationId: String(org?.id),
      updatedAt: new Date(),
    });
    await r.enrolments.insert({
      id: enrolmentId,
      achievementId,
      organizationId: String(org?.id),
      userId: String(user?.id),
      status: "active",
      createdAt: started,
      decidedAt: started,
      decidedBy: null,
      completedAt: null,
      awardId: null,
      evidencePublic: false,
    });
  });
  return { achievementId, enrolmentId, organizationId: String(org?.id), learner, owner, slug };
}

export async function passQuiz(ctx: TestContext, enrolmentId: string, number: number, percent: number) {
  await ctx.database.executeSql(
    `INSERT INTO quiz_attempts (id, enrolment_id, quiz_id, number, questions, started_at, submitted_at, answers, points, max_points, percent, passed)
     VALUES ($1, $2, 'q1', $3, '[]', now(), now(), '{}', $4, 2, $5, $6)`,
    [ctx.deps.newId(), enrolmentId, number, (percent / 100) * 2, percent, percent >= 70],
  );
}
export async function gradeProject(
  ctx: TestContext,
  enrolmentId: string,
  organizationId: string,
  levels: [string, number][],
) {
  const grade = Object.fromEntries(levels.map(([levelId, points], i) => [`c${i + 1}`, { levelId, points }]));
  const points = levels.reduce((sum, [, p]) => sum + p, 0);
  await ctx.database.executeSql(
    `INSERT INTO project_submissions (id, enrolment_id, organization_id, project_id, revision, text, links, status, submitted_at, graded_at, grade, points)
     VALUES ($1, $2, $3, 'p1', 1, 'My analysis', '{}', 'graded', now(), now(), $4, $5)`,
    [ctx.deps.newId(), enrolmentId, organizationId, JSON.stringify(grade), points],
  );
}
