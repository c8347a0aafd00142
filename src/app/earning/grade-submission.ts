import { rubricMaxPoints } from "../../domain/earning/course.ts";
import { gradeFromChoices, latestRevision } from "../../domain/earning/submission.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../authorize.ts";
import { submissionGradedMessage, submissionReturnedMessage } from "../mail/project-templates.ts";
import { queueMail } from "../mail/queue-mail.ts";
import type { AppDeps } from "../ports.ts";
import { checkCompletionIn } from "./check-completion.ts";
import { gradableIn } from "./grading-view.ts";
import { peerReviewGate } from "./peer-review-gate.ts";
import { achievementNameIn } from "./project-access.ts";

export type GradingDecision =
  /** One level id per rubric criterion id. */
  | { action: "grade"; levels: Record<string, string>; feedback: string }
  | { action: "return"; feedback: string };

const MAX_FEEDBACK = 10_000;

/**
 * An assessor grades the latest revision of a submission against the project's rubric, or returns it for revision
 * with feedback. A grade counts towards the award rules in the same transaction (the credential is awarded there
 * when they are met). Refused with no change: a revision that is not the latest awaiting grading (already graded,
 * returned, or replaced), a level that is not in the rubric, a criterion left out, a return without feedback.
 */
export const gradeSubmission = (
  deps: AppDeps,
  actor: Actor,
  slug: string,
  submissionId: string,
  decision: GradingDecision,
) =>
  deps.uow(async (r) => {
    const assessor = requireUser(actor);
    const { access, submission, enrolment, project, revisions } = await gradableIn(
      r,
      actor,
      slug,
      submissionId,
      true,
    );
    if (submission.status !== "submitted" || latestRevision(revisions)?.id !== submission.id)
      throw new DomainError(
        "submission_not_gradable",
        `Revision ${submission.revision} is not awaiting grading (it is ${submission.status}); reload the queue.`,
      );
    const feedback = decision.feedback.trim();
    if (feedback.length > MAX_FEEDBACK)
      throw new DomainError("validation_failed", "Some fields need attention.", {
        feedback: `Use at most ${MAX_FEEDBACK} characters.`,
      });
    const now = deps.clock();
    const learner = await r.users.findById(enrolment.userId);
    const mail = {
      project: project.title,
      achievement: await achievementNameIn(r, enrolment.achievementId),
      url: `${deps.publicUrl}/learn/${enrolment.achievementId}/projects/${project.id}`,
    };
    if (decision.action === "return") {
      if (!feedback)
        throw new DomainError("validation_failed", "Some fields need attention.", {
          feedback: "Tell the learner what to revise.",
        });
      await r.submissions.update(submission.id, {
        status: "returned",
        feedback,
        gradedAt: now,
        gradedBy: assessor.userId,
      });
      if (learner)
        await queueMail(
          r,
          `submission-returned:${submission.id}`,
          submissionReturnedMessage(learner.email, { ...mail, feedback }),
        );
    } else {
      const gate = await peerReviewGate(r, submission.id);
      if (gate.blocked) throw new DomainError("peer_reviews_pending", gate.blocked);
      const checked = gradeFromChoices(project.rubric, decision.levels);
      if (!checked.ok) throw new DomainError("invalid_grade", checked.message);
      await r.submissions.update(submission.id, {
        status: "graded",
        grade: checked.grade,
        points: checked.points,
        feedback: feedback || null,
        gradedAt: now,
        gradedBy: assessor.userId,
      });
      if (learner)
        await queueMail(
          r,
          `submission-graded:${submission.id}`,
          submissionGradedMessage(learner.email, {
            ...mail,
            feedback,
            points: checked.points,
            maxPoints: rubricMaxPoints(project.rubric),
          }),
        );
    }
    await audit(r, {
      action: decision.action === "grade" ? "submission.graded" : "submission.returned",
      actor,
      organizationId: access.organization.id,
      subject: submission.id,
      data: { projectId: project.id, revision: submission.revision },
      at: now,
    });
    const awardId = decision.action === "grade" ? await checkCompletionIn(deps, r, enrolment.id) : undefined;
    return {
      submissionId: submission.id,
      status: decision.action === "grade" ? "graded" : "returned",
      awardId,
    };
  });
