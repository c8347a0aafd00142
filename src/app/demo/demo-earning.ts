import { userActor } from "../audit.ts";
import { evidenceUrl } from "../earning/check-completion.ts";
import type { AppDeps } from "../ports.ts";
import { DEMO_COHORT, type DemoLearnerPlan } from "./demo-earning-cohort.ts";
import { demoUsers, publishDemoCourse, storyClock } from "./demo-earning-course.ts";
import { learnDemoPath, submitDemoProject } from "./demo-earning-learner.ts";
import { assessDemoWork, publishDemoEvidence, reviewDemoWork } from "./demo-earning-review.ts";

export type DemoEarning = {
  achievementId: string;
  name: string;
  learners: { name: string; email: string; stage: string }[];
  /** The public evidence pages of learners who earned the credential on the path. */
  evidence: { learner: string; url: string }[];
};

/** The plans in story order of one step: the earliest (most days ago) first. */
const inOrder = (key: (p: DemoLearnerPlan) => number | undefined) =>
  DEMO_COHORT.filter((p) => key(p) !== undefined).sort((a, b) => (key(b) ?? 0) - (key(a) ?? 0));

/**
 * The "Accessible Dashboards" path with a cohort at every stage, played through the real use cases over the past
 * weeks: learners enrol, complete modules and attempt the quiz; they hand in projects, which assigns peer reviews as
 * each arrives; they review each other; the assessor grades or returns. Lena's grade meets the rules, so the
 * credential is awarded by the path itself. A re-run skips every step already taken.
 */
export async function seedDemoEarning(
  deps: AppDeps,
  slug: string,
  staff: { owner: string; assessor: string },
): Promise<DemoEarning | undefined> {
  const users = await demoUsers(deps, [staff.owner, staff.assessor, ...DEMO_COHORT.map((p) => p.email)]);
  if (!users) return undefined;
  const [owner, assessor, ...learners] = users;
  if (!owner || !assessor) return undefined;
  const at = storyClock(deps, deps.clock());
  const { achievementId, name } = await publishDemoCourse(at, slug, userActor(owner.id));

  const people = new Map(DEMO_COHORT.map((plan, i) => [plan.email, { plan, user: learners[i] }]));
  const enrolments = new Map<string, string>();
  for (const plan of DEMO_COHORT) {
    const user = people.get(plan.email)?.user;
    if (user) enrolments.set(plan.email, await learnDemoPath(at, achievementId, user, plan));
  }
  const authors = new Map([...enrolments].map(([email, id]) => [id, email]));
  const each = async (
    plans: DemoLearnerPlan[],
    step: (
      plan: DemoLearnerPlan,
      user: NonNullable<(typeof learners)[number]>,
      enrolmentId: string,
    ) => unknown,
  ) => {
    for (const plan of plans) {
      const user = people.get(plan.email)?.user;
      const enrolmentId = enrolments.get(plan.email);
      if (user && enrolmentId) await step(plan, user, enrolmentId);
    }
  };
  await each(
    inOrder((p) => p.project?.daysAgo),
    (plan, user, id) => submitDemoProject(at, achievementId, user, id, plan),
  );
  await each(
    inOrder((p) => p.reviewDaysAgo),
    (plan, user, id) => reviewDemoWork(at, achievementId, user, id, plan, (e) => authors.get(e)),
  );
  await each(
    inOrder((p) => p.assessor?.daysAgo),
    (plan, _user, id) => assessDemoWork(at, slug, userActor(assessor.id), id, plan),
  );
  await each(
    DEMO_COHORT.filter((p) => p.publicEvidence),
    (_plan, user, id) => publishDemoEvidence(at, user, id),
  );

  return {
    achievementId,
    name,
    learners: DEMO_COHORT.map(({ name, email, stage }) => ({ name, email, stage })),
    evidence: DEMO_COHORT.filter((p) => p.publicEvidence).flatMap((p) => {
      const id = enrolments.get(p.email);
      return id ? [{ learner: p.name, url: evidenceUrl(deps, id) }] : [];
    }),
  };
}

/** What the demo's summary says about the path: where to look, as whom, and who stands where. */
export function demoEarningLines(earning: DemoEarning, publicUrl: string, slug: string): string[] {
  const org = `${publicUrl}/orgs/${slug}`;
  return [
    `\nA learning path that awards "${earning.name}" by itself: three modules, a quiz, a peer-reviewed project.`,
    `  Course player (sign in as a learner): ${publicUrl}/learn/${earning.achievementId}`,
    `  Assessor queue (sign in as assessor@northfield.test): ${org}/assessments`,
    `  Peer-review health (pending reviews, flagged disagreements): ${org}/assessments/peer-review`,
    `  Learning paths and completion funnel (sign in as the owner): ${org}/learning`,
    ...earning.evidence.map((e) => `  Public evidence page of ${e.learner}: ${e.url}`),
    ...earning.learners.map((l) => `  ${l.email.padEnd(28)} ${l.stage}`),
  ];
}
