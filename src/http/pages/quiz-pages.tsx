import { Hono } from "hono";
import { type ClosedAttemptView, type OpenAttemptView, quizAttempt } from "../../app/earning/quiz-attempt.ts";
import { quizOverview } from "../../app/earning/quiz-overview.ts";
import { startQuizAttempt } from "../../app/earning/start-quiz-attempt.ts";
import { submitQuizAttempt } from "../../app/earning/submit-quiz-attempt.ts";
import type { AttemptPolicy } from "../../domain/earning/quiz-policy.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ErrorSummary, Form } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  plural,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { when } from "./project-parts.tsx";
import { QuestionInput } from "./quiz-parts.tsx";

const ANSWER_PREFIX = "q.";
const minutes = (n: number) => plural(n, "minute");
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : `${value}%`;

function NextStep({ policy, start, csrf }: { policy: AttemptPolicy; start: string; csrf: string }) {
  switch (policy.kind) {
    case "resume":
      return (
        <Form action={start} csrf={csrf}>
          <p>You have an attempt in progress.</p>
          <button type="submit">Resume the attempt</button>
        </Form>
      );
    case "start":
      return (
        <Form action={start} csrf={csrf}>
          <button type="submit">Start attempt {policy.number}</button>
        </Form>
      );
    case "cooling":
      return <p class="notice">You can start another attempt at {when(policy.until)}.</p>;
    case "exhausted":
      return <p class="notice">No attempts left.</p>;
  }
}

const attemptState = { open: "In progress", submitted: "Submitted", expired: "Time ran out" } as const;

/** `/learn/:achievementId/quizzes/:quizId`: a quiz's rules, the learner's attempts and the way in. */
export function quizPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const base = (c: PageContext) =>
    `/learn/${pathParam(c, "achievementId")}/quizzes/${pathParam(c, "quizId")}`;
  const ids = (c: PageContext) => ({
    achievementId: pathParam(c, "achievementId"),
    quizId: pathParam(c, "quizId"),
  });

  const intro = async (c: PageContext, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const view = await quizOverview(deps, actorOf(user), ids(c));
    const { quiz, policy } = view;
    const cooling =
      policy.kind === "cooling" ? Math.ceil((policy.until.getTime() - view.now.getTime()) / 60_000) : 0;
    return render(
      c,
      `${quiz.title} · ${view.courseName}`,
      <section class="narrow">
        <p>
          <a href={`/learn/${pathParam(c, "achievementId")}`}>{view.courseName}</a>
        </p>
        <h1>{quiz.title}</h1>
        <ErrorSummary errors={undefined} message={message} />
        <dl class="facts">
          <dt>Questions per attempt</dt>
          <dd>{quiz.drawn}</dd>
          <dt>Pass mark</dt>
          <dd>{quiz.passMark}%</dd>
          <dt>Time limit</dt>
          <dd>{quiz.timeLimitMinutes ? minutes(quiz.timeLimitMinutes) : "None"}</dd>
          <dt>Attempts used</dt>
          <dd>
            {policy.used}
            {quiz.maxAttempts ? ` of ${quiz.maxAttempts} (${policy.left ?? 0} left)` : " (no limit)"}
          </dd>
          <dt>Wait between attempts</dt>
          <dd>
            {quiz.cooldownMinutes ? minutes(quiz.cooldownMinutes) : "None"}
            {cooling ? `; ${minutes(cooling)} to go` : ""}
          </dd>
          <dt>Best score</dt>
          <dd>{percent(view.best)}</dd>
        </dl>
        {quiz.hasMultiple ? (
          <p class="hint">
            Where several answers can be right, tick all of them: a question scores only when every right
            option, and no wrong one, is ticked.
          </p>
        ) : null}
        {view.enrolmentStatus === "completed" ? (
          <p class="notice">You have completed this course.</p>
        ) : (
          <NextStep policy={policy} start={`${base(c)}/start`} csrf={c.get("csrfToken")} />
        )}
        {view.attempts.length ? (
          <>
            <h2>Your attempts</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Attempt</th>
                  <th scope="col">Started</th>
                  <th scope="col">State</th>
                  <th scope="col">Score</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {view.attempts.map((a) => (
                  <tr>
                    <td>
                      <a href={`${base(c)}/attempts/${a.id}`}>Attempt {a.number}</a>
                    </td>
                    <td>{when(a.startedAt)}</td>
                    <td>{attemptState[a.state]}</td>
                    <td>{percent(a.percent)}</td>
                    <td>{a.passed === null ? "–" : a.passed ? "Passed" : "Not passed"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>,
    );
  };

  const openAttempt = (c: PageContext, view: OpenAttemptView) =>
    render(
      c,
      `${view.quizTitle}: attempt ${view.number}`,
      <section class="narrow">
        <h1>
          {view.quizTitle}: attempt {view.number}
        </h1>
        <p>
          Pass mark {view.passMark}%.{" "}
          {view.deadlineAt ? (
            <strong>Submit by {when(view.deadlineAt)}: answers after that are not accepted.</strong>
          ) : (
            "No time limit."
          )}
        </p>
        <Form action={`${base(c)}/submit`} csrf={c.get("csrfToken")}>
          <input type="hidden" name="attempt" value={view.attemptId} />
          {view.questions.map((q, i) => (
            <QuestionInput question={q} index={i} name={`${ANSWER_PREFIX}${q.id}`} />
          ))}
          <button type="submit">Submit answers</button>
        </Form>
      </section>,
    );

  const result = (c: PageContext, view: ClosedAttemptView) =>
    render(
      c,
      `${view.quizTitle}: result of attempt ${view.number}`,
      <section class="narrow">
        <p>
          <a href={base(c)}>Back to {view.quizTitle}</a>
        </p>
        <h1>
          {view.quizTitle}: result of attempt {view.number}
        </h1>
        {view.expired ? <p class="notice">Time ran out before this attempt was submitted.</p> : null}
        <p class="lead">
          <strong>{view.passed ? "Passed" : "Not passed"}</strong>: {view.percent}% ({view.points} of{" "}
          {view.maxPoints} points; pass mark {view.passMark}%).
        </p>
        <ol>
          {view.review.map((q) => (
            <li>
              <p>
                {q.prompt}{" "}
                <span class={q.correct ? "tag tag-valid" : "tag tag-revoked"}>
                  {q.correct ? "Right" : "Wrong"}
                </span>
              </p>
              <dl class="facts">
                <dt>Your answer</dt>
                <dd>{q.given}</dd>
                <dt>Correct answer</dt>
                <dd>{q.correctAnswer}</dd>
              </dl>
            </li>
          ))}
        </ol>
        <p>
          <a href={base(c)}>Back to the quiz</a>
        </p>
      </section>,
    );

  pages.get(
    "/learn/:achievementId/quizzes/:quizId",
    signedIn((c) => intro(c)),
  );
  pages.post(
    "/learn/:achievementId/quizzes/:quizId/start",
    signedIn(async (c, user) => {
      await readForm(c);
      try {
        const { attemptId } = await startQuizAttempt(deps, actorOf(user), ids(c));
        return c.redirect(`${base(c)}/attempts/${attemptId}`, 303);
      } catch (error) {
        return formFailure(c, error, (_, message) => intro(c, message));
      }
    }),
  );
  pages.get(
    "/learn/:achievementId/quizzes/:quizId/attempts/:attemptId",
    signedIn(async (c, user) => {
      const view = await quizAttempt(deps, actorOf(user), {
        ...ids(c),
        attemptId: pathParam(c, "attemptId"),
      });
      return view.state === "open" ? openAttempt(c, view) : result(c, view);
    }),
  );
  pages.post(
    "/learn/:achievementId/quizzes/:quizId/submit",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const answers: Record<string, string[]> = {};
      for (const [key, value] of Object.entries(values)) {
        if (!key.startsWith(ANSWER_PREFIX)) continue;
        answers[key.slice(ANSWER_PREFIX.length)] = ([] as string[]).concat(value);
      }
      const attemptId = typeof values.attempt === "string" ? values.attempt : "";
      try {
        const outcome = await submitQuizAttempt(deps, actorOf(user), { ...ids(c), attemptId, answers });
        return redirectWith(
          c,
          `${base(c)}/attempts/${outcome.attemptId}`,
          outcome.awardId
            ? "Submitted and passed: you have completed the course, and your credential is on its way."
            : "Your answers are submitted.",
        );
      } catch (error) {
        return formFailure(c, error, (_, message) => intro(c, message));
      }
    }),
  );
  return pages;
}
