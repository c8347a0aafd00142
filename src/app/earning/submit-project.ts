import {
  cleanFileName,
  fileRefusal,
  MAX_FILES_PER_SUBMISSION,
  mediaTypeOf,
  nextRevision,
  type ProjectSubmission,
  parseLinks,
} from "../../domain/earning/submission.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { requireUser } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { assignReviewsIn } from "./assign-reviews.ts";
import { learnerProjectIn } from "./project-access.ts";

export type SubmissionInput = {
  achievementId: string;
  projectId: string;
  text: string;
  /** Links typed one per line. */
  links: string;
  files: readonly { name: string; bytes: Uint8Array }[];
};

const MAX_TEXT = 50_000;
const invalid = (field: string, message: string) =>
  new DomainError("validation_failed", "Some fields need attention.", { [field]: message });

/**
 * A learner submits (a revision of) their project: text, https links and files, within the project's limits. Refused,
 * with nothing stored: after the due instant, while an earlier revision awaits grading, after it was graded, or from
 * anyone without an active enrolment. Files go to the file store under generated keys before the rows commit; when
 * the transaction fails they are removed again.
 */
export async function submitProject(deps: AppDeps, actor: Actor, input: SubmissionInput) {
  const user = requireUser(actor);
  const stored: string[] = [];
  try {
    return await deps.uow(async (r) => {
      const { project, enrolment } = await learnerProjectIn(
        r,
        user.userId,
        input.achievementId,
        input.projectId,
      );
      if (enrolment.status !== "active")
        throw new DomainError("enrolment_not_active", "Your enrolment on this path is not active.");
      await r.enrolments.lock(enrolment.id);
      const now = deps.clock();
      const next = nextRevision(project, await r.submissions.revisions(enrolment.id, project.id), now);
      if (!next.ok) throw new DomainError(next.refusal.code, next.refusal.message);

      const text = input.text.trim();
      if (text && !project.accepts.text) throw invalid("text", "This project does not accept text.");
      if (text.length > MAX_TEXT) throw invalid("text", `Use at most ${MAX_TEXT} characters.`);
      const links = parseLinks(input.links);
      if (!links.ok) throw invalid("links", links.message);
      if (links.links.length && !project.accepts.links)
        throw invalid("links", "This project does not accept links.");
      if (input.files.length > MAX_FILES_PER_SUBMISSION)
        throw invalid("files", `Attach at most ${MAX_FILES_PER_SUBMISSION} files.`);
      const files = input.files.map((file) => ({ ...file, name: cleanFileName(file.name) }));
      for (const file of files) {
        const refusal = fileRefusal(project.accepts, { name: file.name, size: file.bytes.length });
        if (refusal) throw invalid("files", refusal);
      }
      if (!text && !links.links.length && !files.length)
        throw new DomainError("validation_failed", "Add your work: text, a link or a file.");

      const submission: ProjectSubmission = {
        id: deps.newId(),
        enrolmentId: enrolment.id,
        organizationId: enrolment.organizationId,
        projectId: project.id,
        revision: next.revision,
        text,
        links: links.links,
        status: "submitted",
        submittedAt: now,
        gradedAt: null,
        gradedBy: null,
        grade: null,
        points: null,
        feedback: null,
      };
      await r.submissions.insert(submission);
      for (const file of files) {
        const key = deps.newId();
        await deps.fileStore.put(key, file.bytes);
        stored.push(key);
        await r.submissions.insertFile({
          id: deps.newId(),
          submissionId: submission.id,
          name: file.name,
          mediaType: mediaTypeOf(file.name),
          size: file.bytes.length,
          storageKey: key,
          createdAt: now,
        });
      }
      await assignReviewsIn(deps, r, {
        id: submission.id,
        enrolmentId: submission.enrolmentId,
        achievementId: input.achievementId,
        projectId: project.id,
      });
      await audit(r, {
        action: "project.submitted",
        actor,
        organizationId: enrolment.organizationId,
        subject: submission.id,
        data: { achievementId: input.achievementId, projectId: project.id, revision: submission.revision },
        at: now,
      });
      return submission;
    });
  } catch (error) {
    await Promise.all(stored.map((key) => deps.fileStore.delete(key).catch(() => {})));
    throw error;
  }
}
