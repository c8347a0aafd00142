import { findAssessment, type Project } from "../../domain/earning/course.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps, PeerReview } from "../ports.ts";

/** What a reviewer sees of the work under review: its content only, never who wrote or uploaded it. */
export type AnonymousSubmission = {
  text: string;
  links: string[];
  /** Each file opens from the review page (see submission-file.ts, reader "reviewer"). */
  files: { id: string; name: string; mediaType: string; size: number }[];
  submittedAt: Date;
};

/** One of the signed-in learner's review tasks, with the project's brief and rubric and the anonymous submission. */
export function openReviewTask(deps: AppDeps, actor: Actor, achievementId: string, reviewId: string) {
  const user = requireUser(actor);
  return deps.uow(
    async (r): Promise<{ review: PeerReview; project: Project; submission: AnonymousSubmission }> => {
      const enrolment = await r.enrolments.findFor(achievementId, user.userId);
      const tasks = enrolment ? await r.peerReviews.forReviewer(enrolment.id) : [];
      const review = tasks.find((t) => t.id === reviewId);
      const submission = review && (await r.peerReviews.findSubmission(review.submissionId));
      const course = await r.courses.find(achievementId);
      const found = submission && course && findAssessment(course, submission.projectId);
      if (!review || !submission || found?.assessment.kind !== "project") {
        throw new DomainError("review_not_found", "There is no such review task for you.");
      }
      return {
        review,
        project: found.assessment,
        submission: {
          text: submission.text,
          links: submission.links,
          files: await r.peerReviews.filesOf(submission.id),
          submittedAt: submission.submittedAt,
        },
      };
    },
  );
}
