import { Hono } from "hono";
import { deleteQuizQuestion } from "../../app/earning/delete-quiz-question.ts";
import { quizEditor } from "../../app/earning/quiz-editor.ts";
import { saveQuizQuestion } from "../../app/earning/save-quiz-question.ts";
import { saveQuizSettings } from "../../app/earning/save-quiz-settings.ts";
import type { Quiz } from "../../domain/earning/course.ts";
import { drawSize } from "../../domain/earning/quiz-draw.ts";
import { correctAnswerText } from "../../domain/earning/quiz-view.ts";
import { DomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import {
  isQuestionKind,
  QUESTION_KINDS,
  QuestionFields,
  type QuestionKind,
  questionInput,
  valuesFromQuestion,
} from "./quiz-question-form.tsx";

const PATH = "/orgs/:slug/achievements/:achievementId/course/quizzes/:quizId";

const settingsValues = (quiz: Quiz): FormValues => ({
  title: quiz.title,
  passMark: String(quiz.passMark),
  drawCount: quiz.drawCount === undefined ? "" : String(quiz.drawCount),
  shuffleOptions: quiz.shuffleOptions ? "yes" : "",
  maxAttempts: quiz.maxAttempts === undefined ? "" : String(quiz.maxAttempts),
  cooldownMinutes: String(quiz.cooldownMinutes),
  timeLimitMinutes: quiz.timeLimitMinutes === undefined ? "" : String(quiz.timeLimitMinutes),
});

/** The quiz editor for issuer staff: settings, the question bank, and a page per question. */
export function quizEditorPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const target = (c: PageContext) => ({
    slug: pathParam(c, "slug"),
    achievementId: pathParam(c, "achievementId"),
    quizId: pathParam(c, "quizId"),
  });
  const base = (c: PageContext) => {
    const t = target(c);
    return `/orgs/${t.slug}/achievements/${t.achievementId}/course/quizzes/${t.quizId}`;
  };
  const load = (c: PageContext) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    return quizEditor(deps, actorOf(user), target(c));
  };

  const editor = async (c: PageContext, posted?: FormValues, errors?: FormErrors, message?: string) => {
    const { organization, membership, quiz, courseName, moduleTitle } = await load(c);
    const v = posted ?? settingsValues(quiz);
    const f = (key: string) => fieldText(v, key);
    const t = target(c);
    return render(
      c,
      `Quiz · ${quiz.title}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <h2>Quiz: {quiz.title}</h2>
        <p>
          In the module “{moduleTitle}” of {courseName}.{" "}
          <a href={`/orgs/${t.slug}/achievements/${t.achievementId}/course`}>Back to the course</a>
        </p>
        <ErrorSummary errors={errors} message={message} />
        <h3>Settings</h3>
        <Form action={base(c)} csrf={c.get("csrfToken")}>
          <Field name="title" label="Title" value={f("title")} errors={errors} maxlength={200} />
          <div class="inline-form">
            <Field
              name="passMark"
              label="Pass mark (%)"
              type="number"
              value={f("passMark")}
              errors={errors}
            />
            <Field
              name="drawCount"
              label="Questions drawn per attempt"
              type="number"
              hint="Empty: every question in the bank."
              value={f("drawCount")}
              errors={errors}
            />
            <Field
              name="maxAttempts"
              label="Attempts allowed"
              type="number"
              hint="Empty: no limit."
              value={f("maxAttempts")}
              errors={errors}
            />
            <Field
              name="cooldownMinutes"
              label="Wait between attempts (minutes)"
              type="number"
              value={f("cooldownMinutes")}
              errors={errors}
            />
            <Field
              name="timeLimitMinutes"
              label="Time limit (minutes)"
              type="number"
              hint="Empty: none. Enforced on the server."
              value={f("timeLimitMinutes")}
              errors={errors}
            />
          </div>
          <div class="checkbox">
            <input
              type="checkbox"
              id="field-shuffleOptions"
              name="shuffleOptions"
              value="yes"
              checked={f("shuffleOptions") === "yes"}
            />
            <label for="field-shuffleOptions">Shuffle the options of each question in every attempt</label>
          </div>
          <button type="submit">Save settings</button>
        </Form>
        <h3 id="questions">Question bank ({quiz.questions.length})</h3>
        <p>
          Each attempt draws {drawSize(quiz)} of these {quiz.questions.length} questions in random order.
          Multiple-choice questions score all or nothing.
        </p>
        {quiz.questions.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Points</th>
                  <th scope="col">Correct answer</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {quiz.questions.map((q, i) => (
                  <tr>
                    <td>
                      <a href={`${base(c)}/questions/${q.id}`}>
                        {i + 1}. {q.prompt}
                      </a>
                    </td>
                    <td>{QUESTION_KINDS[q.kind]}</td>
                    <td>{q.points}</td>
                    <td>{correctAnswerText(q)}</td>
                    <td>
                      <Form
                        action={`${base(c)}/questions/${q.id}/delete`}
                        csrf={c.get("csrfToken")}
                        class="inline"
                      >
                        <button type="submit" class="secondary small">
                          Delete <span class="visually-hidden">question {i + 1}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No questions yet.</p>
        )}
        <h3>Add a question</h3>
        <ul>
          {Object.entries(QUESTION_KINDS).map(([kind, label]) => (
            <li>
              <a href={`${base(c)}/questions/new?kind=${kind}`}>{label}</a>
            </li>
          ))}
        </ul>
      </section>,
    );
  };

  const questionPage = async (
    c: PageContext,
    questionId: string | undefined,
    posted?: { values: FormValues; kind: QuestionKind },
    errors?: FormErrors,
    message?: string,
  ) => {
    const { organization, membership, quiz } = await load(c);
    const existing = questionId ? quiz.questions.find((q) => q.id === questionId) : undefined;
    if (questionId && !existing)
      throw new DomainError("quiz_question_not_found", "This quiz has no such question.");
    const requested = c.req.query("kind") ?? "";
    const kind: QuestionKind =
      posted?.kind ?? existing?.kind ?? (isQuestionKind(requested) ? requested : "single");
    const values = posted?.values ?? (existing ? valuesFromQuestion(existing) : {});
    const heading = existing ? "Edit the question" : `Add a question: ${QUESTION_KINDS[kind].toLowerCase()}`;
    return render(
      c,
      `${heading} · ${quiz.title}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <h2>
          {heading} ({quiz.title})
        </h2>
        <p>
          <a href={`${base(c)}#questions`}>Back to the quiz</a>
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action={`${base(c)}/questions${existing ? `/${existing.id}` : ""}`} csrf={c.get("csrfToken")}>
          <input type="hidden" name="kind" value={kind} />
          <QuestionFields kind={kind} values={values} errors={errors} />
          <button type="submit">Save the question</button>
        </Form>
      </section>,
    );
  };

  pages.get(
    PATH,
    signedIn((c) => editor(c)),
  );
  pages.post(
    PATH,
    signedIn(async (c, user) => {
      const values = await readForm(c);
      try {
        await saveQuizSettings(deps, actorOf(user), target(c), values);
        return redirectWith(c, base(c), "The quiz settings are saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, values, errors, message));
      }
    }),
  );
  pages.get(
    `${PATH}/questions/new`,
    signedIn((c) => questionPage(c, undefined)),
  );
  pages.get(
    `${PATH}/questions/:questionId`,
    signedIn((c) => questionPage(c, pathParam(c, "questionId"))),
  );
  const saveQuestion = (existing: boolean) =>
    signedIn(async (c: PageContext, user) => {
      const values = await readForm(c);
      const questionId = existing ? pathParam(c, "questionId") : undefined;
      const kind = fieldText(values, "kind");
      try {
        await saveQuizQuestion(
          deps,
          actorOf(user),
          { ...target(c), questionId },
          questionInput(values, kind),
        );
        return redirectWith(c, `${base(c)}#questions`, "The question is saved.");
      } catch (error) {
        const posted = { values, kind: isQuestionKind(kind) ? kind : "single" } as const;
        return formFailure(c, error, (errors, message) =>
          questionPage(c, questionId, posted, errors, message),
        );
      }
    });
  pages.post(`${PATH}/questions`, saveQuestion(false));
  pages.post(`${PATH}/questions/:questionId`, saveQuestion(true));
  pages.post(
    `${PATH}/questions/:questionId/delete`,
    signedIn(async (c, user) => {
      await readForm(c);
      await deleteQuizQuestion(deps, actorOf(user), { ...target(c), questionId: pathParam(c, "questionId") });
      return redirectWith(c, `${base(c)}#questions`, "The question is deleted.");
    }),
  );
  return pages;
}
