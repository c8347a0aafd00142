import type { SubmissionFile } from "../../domain/earning/submission.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization, requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";

export type FileReader =
  /** The learner who submitted it. */
  | { kind: "learner" }
  /** Staff who may grade in the organization that runs the path, from the grading screen of this submission. */
  | { kind: "grader"; slug: string; submissionId: string }
  /** A learner assigned to review the submission, from that review task on the path. */
  | { kind: "reviewer"; achievementId: string; reviewId: string };

const noFile = () => new DomainError("file_not_found", "There is no such file.");

/**
 * A submitted file's bytes, for the learner who submitted it, a learner assigned to review it, or the organization's
 * graders. Anyone else is told there is no such file.
 */
export const submissionFile = (
  deps: AppDeps,
  actor: Actor,
  fileId: string,
  reader: FileReader,
): Promise<{ file: SubmissionFile; bytes: Uint8Array }> =>
  deps.uow(async (r) => {
    const file = await r.submissions.findFile(fileId);
    const submission = file && (await r.submissions.find(file.submissionId));
    if (!file || !submission) throw noFile();
    if (reader.kind === "learner") {
      const user = requireUser(actor);
      const enrolment = await r.enrolments.find(submission.enrolmentId);
      if (enrolment?.userId !== user.userId) throw noFile();
    } else if (reader.kind === "reviewer") {
      const user = requireUser(actor);
      const enrolment = await r.enrolments.findFor(reader.achievementId, user.userId);
      const tasks = enrolment ? await r.peerReviews.forReviewer(enrolment.id) : [];
      const task = tasks.find((t) => t.id === reader.reviewId);
      if (task?.submissionId !== submission.id) throw noFile();
    } else {
      const { organization } = await authorizeOrganization(r, actor, reader.slug, "assessments:grade");
      if (submission.organizationId !== organization.id || submission.id !== reader.submissionId)
        throw noFile();
    }
    const bytes = await deps.fileStore.get(file.storageKey);
    if (!bytes) throw noFile();
    return { file, bytes };
  });
