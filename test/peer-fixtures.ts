import { expect } from "vitest";
import { assignReviewsIn } from "../src/app/earning/assign-reviews.ts";
import { projectSubmissions } from "../src/db/schema.ts";
import { courseContent } from "../src/domain/earning/course.ts";
import type { TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

/** A peer-reviewed project: two criteria, k = 2, reviewers more than 2 points apart disagree. */
export const peerCourse = (options: { reviewBeforeGraded?: boolean } = {}) =>
  courseContent.parse({
    modules: [
      {
        id: "m1",
        title: "Writing a safety plan",
        body: "Read the guide.",
        assessments: [
          {
            kind: "project",
            id: "plan",
            title: "Your safety plan",
            brief: "Write a one-page safety plan for a small workshop.",
            rubric: [
              {
                id: "clarity",
                name: "Clarity",
                levels: [
                  { id: "unclear", name: "Unclear", points: 0 },
                  { id: "clear", name: "Clear", points: 2 },
                  { id: "crisp", name: "Crisp", points: 4 },
                ],
              },
              {
                id: "coverage",
                name: "Coverage",
                levels: [
                  { id: "gaps", name: "Gaps", points: 0 },
                  { id: "complete", name: "Complete", points: 3 },
                ],
              },
            ],
            passPoints: 4,
            accepts: { text: true, links: true },
            peerReview: {
              reviews: 2,
              disagreementPoints: 2,
              reviewBeforeGraded: options.reviewBeforeGraded ?? true,
            },
          },
        ],
      },
    ],
    rules: { kind: "reviews", projectId: "plan", min: 1 },
  });

let counter = 0;
let lastSubmittedAt = 0;

/** An organization with a published micro-credential carrying the peer-reviewed course. */
export async function peerOrganization(ctx: TestContext, name: string) {
  const n = ++counter;
  const ownerEmail = `peer-owner-${n}-${name.length}@example.org`;
  const owner = await signedUp(ctx.app, { email: ownerEmail });
  const slug = `peer-org-${n}-${Date.now().toString(36)}`;
  await owner.submit("/orgs", { name, slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    name: `${name} Safety Planning`,
    description: "Plan a safe workshop.",
    criteria: "Review your peers' plans.",
    learningOutcomes: "Write a safety plan",
    workloadHours: "10",
    ects: "1",
    eqfLevel: "4",
    assessmentType: "project",
    participationForm: "online",
    qualityAssurance: "Peer review moderated by assessors.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {})).status).toBe(303);
  const [org] = (await ctx.database.executeSql("SELECT id FROM organizations WHERE slug = $1", [slug])).rows;
  const organizationId = String(org?.id);
  await ctx.deps.uow((r) =>
    r.courses.save({ ...peerCourse(), achievementId, organizationId, updatedAt: ctx.deps.clock() }),
  );
  return { owner, ownerEmail, slug, achievementId, organizationId };
}

export type Learner = { client: BrowserClient; name: string; email: string; enrolmentId: string };

/** The password every account made here signs in with (signedUp's default). */
export const PASSWORD = "correct horse battery";

/** A signed-up learner with an active enrolment on the path. */
export async function enrolledLearner(
  ctx: TestContext,
  org: { achievementId: string; organizationId: string },
  name: string,
): Promise<Learner> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${++counter}@learner.test`;
  const client = await signedUp(ctx.app, { email, name });
  const [user] = (await ctx.database.executeSql("SELECT id FROM users WHERE email = $1", [email])).rows;
  const enrolmentId = ctx.deps.newId();
  await ctx.deps.uow((r) =>
    r.enrolments.insert({
      id: enrolmentId,
      achievementId: org.achievementId,
      organizationId: org.organizationId,
      userId: String(user?.id),
      status: "active",
      createdAt: ctx.deps.clock(),
      decidedAt: null,
      decidedBy: null,
      completedAt: null,
      awardId: null,
      evidencePublic: false,
    }),
  );
  return { client, name, email, enrolmentId };
}

/**
 * Records a submission as the projects' submit use case will: the row, then assignReviewsIn (that use case does
 * both in one transaction; the projects part is built separately, so this writes the row directly).
 */
export async function submitWork(
  ctx: TestContext,
  org: { achievementId: string; organizationId: string },
  learner: Learner,
  text: string,
  revision = 1,
) {
  const id = ctx.deps.newId();
  // Strictly increasing, so arrival order is the order of calls.
  lastSubmittedAt = Math.max(Date.now(), lastSubmittedAt + 1);
  await ctx.database.db.transaction(async (tx) => {
    await tx.insert(projectSubmissions).values({
      id,
      enrolmentId: learner.enrolmentId,
      organizationId: org.organizationId,
      projectId: "plan",
      revision,
      text,
      links: ["https://example.org/plan"],
      status: "submitted",
      submittedAt: new Date(lastSubmittedAt),
    });
  });
  const assigned = await ctx.deps.uow((r) =>
    assignReviewsIn(ctx.deps, r, {
      id,
      enrolmentId: learner.enrolmentId,
      achievementId: org.achievementId,
      projectId: "plan",
    }),
  );
  return { id, ...assigned };
}
