import { projectsOf } from "../../domain/earning/course.ts";
import { aggregateReviews } from "../../domain/earning/peer-aggregate.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, ReviewableSubmission } from "../ports.ts";

export type PeerProjectHealth = {
  achievementId: string;
  achievementName: string;
  projectId: string;
  projectTitle: string;
  k: number;
  /** Live submissions: each learner's latest revision. */
  submissions: number;
  /** Tasks assigned and not yet submitted. */
  pendingReviews: number;
  /** Live submissions with fewer than k reviewers assigned (waiting for more learners to submit). */
  shortOfK: number;
  /** Live submissions whose reviewers disagree beyond the project's threshold. */
  flagged: { submissionId: string; submittedAt: Date; revision: number; criteria: string[] }[];
};

/**
 * Peer-review health of an organization's peer-reviewed projects, for staff who grade ("assessments:grade"):
 * submissions, reviews pending, submissions short of k, and flagged disagreements. Only this organization's paths.
 */
export function peerReviewHealth(deps: AppDeps, actor: Actor, slug: string) {
  return deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "assessments:grade");
    const organizationId = access.organization.id;
    const courses = await r.courses.listForOrganization(organizationId);
    const achievements = await r.achievements.list(organizationId);
    const names = new Map(achievements.map((a) => [a.id, a.name]));
    const projects: PeerProjectHealth[] = [];
    for (const course of courses) {
      for (const project of projectsOf(course)) {
        const settings = project.peerReview;
        if (!settings) continue;
        const all = await r.peerReviews.submissionsForProject(course.achievementId, project.id);
        const tasks = await r.peerReviews.forProject(course.achievementId, project.id);
        const latest = new Map<string, ReviewableSubmission>();
        for (const s of all) if (s.organizationId === organizationId) latest.set(s.enrolmentId, s);
        const live = [...latest.values()];
        const flagged = live.flatMap((s) => {
          const mine = tasks.filter((t) => t.submissionId === s.id);
          const scores = mine.flatMap((t) => (t.submittedAt && t.scores ? [t.scores] : []));
          const aggregate = aggregateReviews(project.rubric, scores, settings.disagreementPoints);
          if (!aggregate.flagged) return [];
          const criteria = aggregate.criteria.filter((c) => c.disagrees).map((c) => c.name);
          return [{ submissionId: s.id, submittedAt: s.submittedAt, revision: s.revision, criteria }];
        });
        projects.push({
          achievementId: course.achievementId,
          achievementName: names.get(course.achievementId) ?? "Micro-credential",
          projectId: project.id,
          projectTitle: project.title,
          k: settings.reviews,
          submissions: live.length,
          pendingReviews: tasks.filter((t) => !t.submittedAt).length,
          shortOfK: live.filter((s) => tasks.filter((t) => t.submissionId === s.id).length < settings.reviews)
            .length,
          flagged,
        });
      }
    }
    return { ...access, projects };
  });
}
