import { Hono } from "hono";
import { openReviewTask } from "../../app/earning/open-review-task.ts";
import { reviewTasks } from "../../app/earning/review-tasks.ts";
import { submissionFile } from "../../app/earning/submission-file.ts";
import { levelField, submitReview } from "../../app/earning/submit-review.ts";
import type { Project } from "../../domain/earning/course.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ErrorSummary, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { downloadHeaders, pointsText } from "./project-parts.tsx";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>);
const isWebLink = (link: string) => /^https?:\/\//i.test(link);

/** The rubric as a grid of radio buttons: one fieldset per criterion, one choice per level. */
function RubricChoices(props: { project: Project; values: FormValues; errors: FormErrors }) {
  return (
    <>
      {props.project.rubric.map((criterion) => {
        const name = levelField(criterion.id);
        const error = props.errors?.[name];
        return (
          <fieldset id={`field-${name}`} class={error ? "has-error" : undefined}>
            <legend>{criterion.name}</legend>
            {criterion.description ? <p class="hint">{criterion.description}</p> : null}
            {error ? <p class="field-error">{error}</p> : null}
            {criterion.levels.map((level) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name={name}
                  value={level.id}
                  checked={fieldText(props.values, name) === level.id}
                />
                <span>
                  <strong>{level.name}</strong> ({pointsText(level.points)})
                  {level.descriptor ? `: ${level.descriptor}` : ""}
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

/** Learner pages: `/learn/:achievementId/reviews` (tasks) and one page per task, anonymous both ways. */
export function peerReviewPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/learn/:achievementId/reviews",
    signedIn(async (c, user) => {
      const achievementId = pathParam(c, "achievementId");
      const { pending, done } = await reviewTasks(deps, actorOf(user), achievementId);
      const row = (t: (typeof pending)[number], label: string) => (
        <li>
          <a href={`/learn/${achievementId}/reviews/${t.id}`}>
            {label}: {t.projectTitle}
          </a>{" "}
          <span class="hint">
            {t.submittedAt
              ? `submitted ${dateFormat.format(t.submittedAt)}`
              : `assigned ${dateFormat.format(t.assignedAt)}`}
          </span>
        </li>
      );
      return render(
        c,
        "Your peer reviews",
        <section class="narrow">
          <h1>Your peer reviews</h1>
          <p>
            You review other learners' work anonymously: they never learn who reviewed them, and you never
            learn whose work it is. <a href={`/learn/${achievementId}`}>Back to the course</a>
          </p>
          <h2>To do</h2>
          {pending.length ? (
            <ul>{pending.map((t, i) => row(t, `Review ${i + 1}`))}</ul>
          ) : (
            <p>No reviews waiting for you. New ones are assigned as other learners submit their work.</p>
          )}
          <h2>Done</h2>
          {done.length ? <ul>{done.map((t, i) => row(t, `Review ${i + 1}`))}</ul> : <p>None yet.</p>}
        </section>,
      );
    }),
  );

  const taskPage = async (c: PageContext, values: FormValues = {}, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
    const [achievementId, reviewId] = [pathParam(c, "achievementId"), pathParam(c, "reviewId")];
    const { review, project, submission } = await openReviewTask(
      deps,
      actorOf(user),
      achievementId,
      reviewId,
    );
    const done = review.submittedAt !== null;
    const shown: FormValues = done
      ? Object.fromEntries(Object.entries(review.scores ?? {}).map(([id, s]) => [levelField(id), s.levelId]))
      : values;
    return render(
      c,
      `Review: ${project.title}`,
      <section class="narrow">
        <p>
          <a href={`/learn/${achievementId}/reviews`}>Your peer reviews</a>
        </p>
        <h1>Review: {project.title}</h1>
        <ErrorSummary errors={errors} message={message} />
        {done ? (
          <p class="notice" role="status">
            You submitted this review on {dateFormat.format(review.submittedAt ?? new Date(0))}. Thank you: it
            counts toward your progress. Reviews cannot be changed once submitted.
          </p>
        ) : null}
        <h2>The brief</h2>
        {paragraphs(project.brief)}
        <h2>The work under review</h2>
        <p class="hint">Submitted {dateFormat.format(submission.submittedAt)} by another learner.</p>
        {submission.text ? paragraphs(submission.text) : <p>No text.</p>}
        {submission.links.length ? (
          <>
            <h3>Links</h3>
            <ul>
              {submission.links.map((link) => (
                <li>
                  {isWebLink(link) ? (
                    <a href={link} rel="nofollow noopener noreferrer">
                      {link}
                    </a>
                  ) : (
                    link
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {submission.files.length ? (
          <>
            <h3>Files</h3>
            <ul>
              {submission.files.map((f) => (
                <li>
                  <a href={`${c.req.path.replace(/\/$/, "")}/files/${f.id}`}>{f.name}</a>{" "}
                  <span class="hint">({Math.ceil(f.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Your review</h2>
        {done ? (
          <>
            <ul>
              {project.rubric.map((criterion) => {
                const s = review.scores?.[criterion.id];
                const level = criterion.levels.find((l) => l.id === s?.levelId);
                return (
                  <li>
                    {criterion.name}: <strong>{level?.name ?? s?.levelId ?? "—"}</strong>
                  </li>
                );
              })}
            </ul>
            {review.comment ? paragraphs(review.comment) : null}
          </>
        ) : (
          <Form action={c.req.path} csrf={c.get("csrfToken")}>
            <RubricChoices project={project} values={shown} errors={errors} />
            <div class={errors?.comment ? "field has-error" : "field"}>
              <label for="field-comment">Comment for the learner (optional)</label>
              <p class="hint" id="field-comment-hint">
                Say what works and what could be better. Do not sign it: reviews are anonymous.
              </p>
              {errors?.comment ? <p class="field-error">{errors.comment}</p> : null}
              <textarea id="field-comment" name="comment" rows={6} aria-describedby="field-comment-hint">
                {fieldText(values, "comment")}
              </textarea>
            </div>
            <button type="submit">Submit the review</button>
          </Form>
        )}
      </section>,
    );
  };

  pages.get("/learn/:achievementId/reviews/:reviewId", (c) => taskPage(c));
  pages.get(
    "/learn/:achievementId/reviews/:reviewId/files/:fileId",
    signedIn(async (c, user) => {
      const { file, bytes } = await submissionFile(deps, actorOf(user), pathParam(c, "fileId"), {
        kind: "reviewer",
        achievementId: pathParam(c, "achievementId"),
        reviewId: pathParam(c, "reviewId"),
      });
      return c.body(new Uint8Array(bytes), 200, downloadHeaders(file));
    }),
  );
  pages.post(
    "/learn/:achievementId/reviews/:reviewId",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const achievementId = pathParam(c, "achievementId");
      try {
        await submitReview(deps, actorOf(user), {
          achievementId,
          reviewId: pathParam(c, "reviewId"),
          values,
        });
      } catch (error) {
        return formFailure(c, error, (errors, message) => taskPage(c, values, errors, message));
      }
      return redirectWith(c, c.req.path, "Your review is submitted. Thank you.");
    }),
  );
  return pages;
}
