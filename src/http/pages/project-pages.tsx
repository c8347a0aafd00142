import { Hono } from "hono";
import { learnerProject } from "../../app/earning/project-view.ts";
import { submissionFile } from "../../app/earning/submission-file.ts";
import { submitProject } from "../../app/earning/submit-project.ts";
import { rubricMaxPoints } from "../../domain/earning/course.ts";
import { MAX_FILES_PER_SUBMISSION } from "../../domain/earning/submission.ts";
import { DomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { CSRF_FIELD } from "../middleware/session.ts";
import { ErrorSummary, Field, Form, type FormErrors } from "./forms.tsx";
import { formFailure, type PageContext, pathParam, redirectWith, render, signedIn } from "./kit.tsx";
import {
  acceptsText,
  downloadHeaders,
  Paragraphs,
  pointsText,
  RubricTable,
  STATUS_LABELS,
  SubmittedWork,
  when,
} from "./project-parts.tsx";

type Posted = { text: string; links: string };

/** `/learn/:achievementId/projects/:projectId`: a learner's project: brief, rubric, submission form, revisions. */
export function projectPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const base = "/learn/:achievementId/projects/:projectId";

  const page = async (c: PageContext, posted?: Posted, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const [achievementId, projectId] = [pathParam(c, "achievementId"), pathParam(c, "projectId")];
    const view = await learnerProject(deps, actorOf(user), achievementId, projectId);
    const { project, revisions, closed, grade } = view;
    const path = `/learn/${achievementId}/projects/${projectId}`;
    const max = rubricMaxPoints(project.rubric);
    return render(
      c,
      `${project.title} · ${view.name}`,
      <section>
        <p>
          <a href={`/learn/${achievementId}`}>{view.name || "Back to the course"}</a>
        </p>
        <h1>{project.title}</h1>
        <ul class="facts">
          <li>Accepts: {acceptsText(project.accepts) || "nothing yet"}</li>
          <li>Due: {project.dueAt ? when(new Date(project.dueAt)) : "no due date"}</li>
          <li>
            Pass mark: {project.passPoints} of {max} points
          </li>
        </ul>
        {grade ? (
          <p class="notice" id="grade">
            Your grade: {grade.points} of {max} points (revision {grade.revision})
            {grade.points >= project.passPoints ? ": passed." : ": below the pass mark."}
          </p>
        ) : null}
        {project.peerReview ? (
          <p>
            Peer reviewed: each submission receives {project.peerReview.reviews} anonymous reviews from other
            learners, and you review theirs
            {project.peerReview.reviewBeforeGraded ? " (you are graded once your reviews are done)" : ""}.{" "}
            <a href={`/learn/${achievementId}/reviews`}>Your peer reviews</a>
          </p>
        ) : null}
        <h2>Brief</h2>
        {project.brief ? <Paragraphs text={project.brief} /> : <p>No brief yet.</p>}
        <h2>Rubric</h2>
        <RubricTable rubric={project.rubric} caption="How your work is graded" />
        <h2>Submit your work</h2>
        {closed ? (
          <p class="notice">{closed.message}</p>
        ) : (
          <>
            <ErrorSummary errors={errors} message={message} />
            <Form action={path} csrf={c.get("csrfToken")} enctype="multipart/form-data">
              {project.accepts.text ? (
                <Field
                  name="text"
                  label="Your work (text)"
                  type="textarea"
                  value={posted?.text}
                  errors={errors}
                  maxlength={50000}
                />
              ) : null}
              {project.accepts.links ? (
                <Field
                  name="links"
                  label="Links, one per line"
                  type="textarea"
                  hint="Each link must start with https://"
                  value={posted?.links}
                  errors={errors}
                />
              ) : null}
              {project.accepts.files ? (
                <div class={errors?.files ? "field has-error" : "field"}>
                  <label for="field-files">Files</label>
                  <p class="hint" id="field-files-hint">
                    Up to {MAX_FILES_PER_SUBMISSION} files:{" "}
                    {project.accepts.fileTypes.map((t) => `.${t}`).join(", ")}, at most{" "}
                    {project.accepts.maxFileMb} MB each.
                  </p>
                  {errors?.files ? (
                    <p class="field-error" id="field-files-error">
                      {errors.files}
                    </p>
                  ) : null}
                  <input
                    id="field-files"
                    name="files"
                    type="file"
                    multiple
                    accept={project.accepts.fileTypes.map((t) => `.${t}`).join(",")}
                    aria-describedby={
                      errors?.files ? "field-files-hint field-files-error" : "field-files-hint"
                    }
                  />
                </div>
              ) : null}
              <button type="submit">{revisions.length ? "Submit the revision" : "Submit"}</button>
            </Form>
          </>
        )}
        <h2>Your submissions</h2>
        {revisions.length === 0 ? <p>You have not submitted anything yet.</p> : null}
        {revisions.map((s) => (
          <article class="card">
            <h3>
              Revision {s.revision}: {STATUS_LABELS[s.status]}
            </h3>
            <p class="hint">Submitted {when(s.submittedAt)}</p>
            <SubmittedWork submission={s} files={s.files} fileHref={(f) => `${path}/files/${f.id}`} />
            {s.feedback ? (
              <>
                <h4>Feedback</h4>
                <Paragraphs text={s.feedback} />
              </>
            ) : null}
            {(view.peerReviews[s.id] ?? []).map((review) => (
              <section class="peer-review" aria-label={`${review.label}'s review`}>
                <h4>{review.label}</h4>
                <ul>
                  {review.scores.map((score) => (
                    <li>
                      {score.criterion}: {score.level} ({pointsText(score.points)})
                    </li>
                  ))}
                </ul>
                {review.comment ? <Paragraphs text={review.comment} /> : null}
              </section>
            ))}
            {s.status === "graded" && s.grade ? (
              <RubricTable
                rubric={project.rubric}
                grade={s.grade}
                caption={`Grade: ${s.points ?? 0} of ${max} points`}
              />
            ) : null}
          </article>
        ))}
      </section>,
    );
  };

  pages.get(
    base,
    signedIn((c) => page(c)),
  );
  pages.post(
    base,
    signedIn(async (c, user) => {
      const [achievementId, projectId] = [pathParam(c, "achievementId"), pathParam(c, "projectId")];
      const body = await c.req.parseBody({ all: true });
      if (body[CSRF_FIELD] !== c.get("csrfToken"))
        throw new DomainError("csrf_failed", "This form expired. Reload the page and try again.");
      const text = (name: string) => (typeof body[name] === "string" ? body[name] : "");
      const posted = { text: text("text"), links: text("links") };
      // A file input left empty still posts a nameless, empty part: it is not a file.
      const files = ([] as unknown[])
        .concat(body.files ?? [])
        .filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
      try {
        await submitProject(deps, actorOf(user), {
          achievementId,
          projectId,
          ...posted,
          files: await Promise.all(
            files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
          ),
        });
        return redirectWith(c, `/learn/${achievementId}/projects/${projectId}`, "Your work is submitted.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => page(c, posted, errors, message));
      }
    }),
  );
  pages.get(
    `${base}/files/:fileId`,
    signedIn(async (c, user) => {
      const { file, bytes } = await submissionFile(deps, actorOf(user), pathParam(c, "fileId"), {
        kind: "learner",
      });
      return c.body(new Uint8Array(bytes), 200, downloadHeaders(file));
    }),
  );
  return pages;
}
