import type { GradingView } from "../../app/earning/grading-view.ts";
import type { PeerSummary } from "../../app/earning/peer-summary.ts";
import { rubricMaxPoints } from "../../domain/earning/course.ts";
import { ErrorSummary, Form, type FormErrors } from "./forms.tsx";
import { Paragraphs, pointsText, RubricTable, STATUS_LABELS, SubmittedWork, when } from "./project-parts.tsx";

export type GradingForm = { levels: Record<string, string>; feedback: string };

/** Peer review's panel on the grading screen: the anonymous reviews, the median per criterion, disagreement. */
export function PeerReviewPanel(props: { panel: PeerSummary | undefined }) {
  const { panel } = props;
  if (!panel) return null;
  return (
    <section aria-labelledby="peer-heading">
      <h3 id="peer-heading">Peer review</h3>
      <p>
        {panel.submitted} of {panel.settings.reviews} reviews received
        {panel.pending ? `, ${panel.pending} pending` : ""}.
        {panel.flagged ? (
          <strong>
            {" "}
            Reviewers disagree by more than {pointsText(panel.settings.disagreementPoints)}: look closely.
          </strong>
        ) : null}
      </p>
      {panel.submitted ? (
        <table>
          <caption>
            Reviewers' scores per criterion (the grade below starts at the level nearest the median)
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Median</th>
              <th scope="col">Nearest level</th>
              <th scope="col">Range</th>
            </tr>
          </thead>
          <tbody>
            {panel.criteria.map((c) => (
              <tr>
                <th scope="row">{c.name}</th>
                <td>{c.median ?? "—"}</td>
                <td>{c.levelName ?? "—"}</td>
                <td>
                  {c.min === undefined ? "—" : `${c.min}–${c.max}`}
                  {c.disagrees ? " (disagreement)" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {panel.reviews.map((review) =>
        review.comment ? (
          <p class="prewrap">
            <strong>{review.label}:</strong> {review.comment}
          </p>
        ) : null,
      )}
    </section>
  );
}

/**
 * The grading screen's body: the submission, the rubric as one group of radio buttons per criterion (descriptors
 * beside each level), feedback, and the two decisions. `peerPanel` is filled by peer review where a project uses it.
 */
export function GradingScreen(props: {
  view: GradingView;
  action: string;
  fileHref: (fileId: string) => string;
  csrf: string;
  form: GradingForm | undefined;
  errors: FormErrors;
  message: string | undefined;
  peerPanel?: PeerSummary | undefined;
}) {
  const { view, form } = props;
  const { submission, project } = view;
  // With peer reviews in, the grade starts at the level nearest each criterion's median: the assessor confirms or changes it.
  const suggested: Record<string, string> = Object.fromEntries(
    (props.peerPanel?.criteria ?? []).flatMap((c) => (c.levelId ? [[c.criterionId, c.levelId]] : [])),
  );
  return (
    <>
      <h2>
        {project.title}: revision {submission.revision}
      </h2>
      <ul class="facts">
        <li>Micro-credential: {view.achievementName}</li>
        <li>Learner: {view.learnerName}</li>
        <li>Submitted: {when(submission.submittedAt)}</li>
        <li>Status: {STATUS_LABELS[submission.status]}</li>
      </ul>
      <h3>The submission</h3>
      <SubmittedWork submission={submission} files={view.files} fileHref={(f) => props.fileHref(f.id)} />
      <PeerReviewPanel panel={props.peerPanel} />
      {view.peer.blocked ? <p class="notice">{view.peer.blocked}</p> : null}
      {view.gradable ? (
        <>
          <h3>Grade</h3>
          <ErrorSummary errors={props.errors} message={props.message} />
          <Form action={props.action} csrf={props.csrf}>
            {project.rubric.map((criterion) => (
              <fieldset id={`field-level:${criterion.id}`}>
                <legend>{criterion.name}</legend>
                {criterion.description ? <p class="hint">{criterion.description}</p> : null}
                {criterion.levels.map((level) => {
                  const id = `level-${criterion.id}-${level.id}`;
                  return (
                    <div class="checkbox">
                      <input
                        type="radio"
                        id={id}
                        name={`level:${criterion.id}`}
                        value={level.id}
                        checked={(form?.levels ?? suggested)[criterion.id] === level.id}
                        aria-describedby={level.descriptor ? `${id}-descriptor` : undefined}
                      />
                      <label for={id}>
                        {level.name} ({pointsText(level.points)})
                      </label>
                      {level.descriptor ? (
                        <span class="hint" id={`${id}-descriptor`}>
                          {level.descriptor}
                        </span>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            ))}
            <p>
              Pass mark: {project.passPoints} of {rubricMaxPoints(project.rubric)} points.
            </p>
            <div class={props.errors?.feedback ? "field has-error" : "field"}>
              <label for="field-feedback">Feedback to the learner</label>
              <p class="hint" id="field-feedback-hint">
                Required when you return the work for revision.
              </p>
              {props.errors?.feedback ? (
                <p class="field-error" id="field-feedback-error">
                  {props.errors.feedback}
                </p>
              ) : null}
              <textarea
                id="field-feedback"
                name="feedback"
                rows={5}
                maxlength={10000}
                aria-describedby={
                  props.errors?.feedback ? "field-feedback-hint field-feedback-error" : "field-feedback-hint"
                }
              >
                {form?.feedback ?? ""}
              </textarea>
            </div>
            <button type="submit" name="action" value="grade">
              Grade
            </button>{" "}
            <button type="submit" name="action" value="return" class="secondary">
              Return for revision
            </button>
          </Form>
        </>
      ) : (
        <>
          <p class="notice">
            This revision is {STATUS_LABELS[submission.status].toLowerCase()}: it cannot be graded now.
          </p>
          {submission.feedback ? <Paragraphs text={submission.feedback} /> : null}
          {submission.grade ? (
            <RubricTable
              rubric={project.rubric}
              grade={submission.grade}
              caption={`Grade: ${submission.points ?? 0} of ${rubricMaxPoints(project.rubric)} points`}
            />
          ) : null}
        </>
      )}
      {view.earlier.length ? (
        <>
          <h3>Earlier revisions</h3>
          {view.earlier.map((s) => (
            <article class="card">
              <h4>
                Revision {s.revision}: {STATUS_LABELS[s.status]} ({when(s.submittedAt)})
              </h4>
              {s.feedback ? <Paragraphs text={s.feedback} /> : null}
            </article>
          ))}
        </>
      ) : null}
    </>
  );
}
