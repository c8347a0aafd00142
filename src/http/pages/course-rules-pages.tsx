import { Hono } from "hono";
import { getCourseRules, setCourseRules } from "../../app/earning/course-rules.ts";
import type { AppDeps } from "../../app/ports.ts";
import { projectsOf, quizzesOf } from "../../domain/earning/course.ts";
import type { RuleForm } from "../../domain/earning/rule-form.ts";
import type { User } from "../../domain/types.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";

/** The award rules of a learning path: when Cairn awards the micro-credential automatically. */
export function courseRulesPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  const path = (slug: string, id: string) => `/orgs/${slug}/achievements/${id}/course/rules`;

  const editor = async (
    c: PageContext,
    user: User,
    posted?: RuleForm,
    errors?: FormErrors,
    message?: string,
  ) => {
    const [slug, id] = [pathParam(c, "slug"), pathParam(c, "achievementId")];
    const { course, form: stored, isDefault } = await getCourseRules(deps, actorOf(user), slug, id);
    const form = posted ?? stored;
    const quizzes = quizzesOf(course);
    const projects = projectsOf(course);
    return render(
      c,
      "Award rules",
      <section class="narrow">
        <p>
          <a href={`/orgs/${slug}/achievements/${id}/course`}>Back to the learning path</a>
        </p>
        <h1>Award rules</h1>
        <p>
          When a learner meets these rules, Cairn awards the micro-credential at once, exactly once, with
          their scores and a link to their learning record inside.{" "}
          {isDefault
            ? "No rules are set, so the default applies: every module completed, every quiz passed at its pass mark, every project at its pass points."
            : "These rules replace the default."}
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action={path(slug, id)} csrf={c.get("csrfToken")}>
          <fieldset>
            <legend>Award when the learner meets</legend>
            {(["all", "any"] as const).map((value) => (
              <div class="checkbox">
                <input
                  type="radio"
                  id={`combine-${value}`}
                  name="combine"
                  value={value}
                  checked={form.combine === value}
                />
                <label for={`combine-${value}`}>
                  {value === "all" ? "all of the rules below" : "any one of the rules below"}
                </label>
              </div>
            ))}
          </fieldset>
          {course.modules.length ? (
            <fieldset>
              <legend>Modules completed</legend>
              {course.modules.map((m) => (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={`module-${m.id}`}
                    name={`module:${m.id}`}
                    checked={form[`module:${m.id}`] === "on"}
                  />
                  <label for={`module-${m.id}`}>{m.title}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
          {quizzes.length ? (
            <fieldset>
              <legend>Quiz scores (leave empty for no rule)</legend>
              {quizzes.map((q) => (
                <Field
                  name={`quiz:${q.id}`}
                  label={`${q.title}: at least this score, in %`}
                  type="number"
                  value={form[`quiz:${q.id}`]}
                  errors={errors}
                />
              ))}
            </fieldset>
          ) : null}
          {projects.map((p) => (
            <fieldset>
              <legend>Project "{p.title}" (leave empty for no rule)</legend>
              <Field
                name={`rubric:${p.id}`}
                label="At least this many rubric points in total"
                type="number"
                value={form[`rubric:${p.id}`]}
                errors={errors}
              />
              {p.rubric.map((criterion) => (
                <Field
                  name={`rubric:${p.id}:${criterion.id}`}
                  label={`At least this many points on "${criterion.name}"`}
                  type="number"
                  value={form[`rubric:${p.id}:${criterion.id}`]}
                  errors={errors}
                />
              ))}
              {p.peerReview ? (
                <Field
                  name={`reviews:${p.id}`}
                  label="At least this many peer reviews given to others"
                  type="number"
                  value={form[`reviews:${p.id}`]}
                  errors={errors}
                />
              ) : null}
            </fieldset>
          ))}
          <button type="submit">Save the rules</button>
        </Form>
        {isDefault ? null : (
          <Form action={`${path(slug, id)}/default`} csrf={c.get("csrfToken")}>
            <button type="submit" class="secondary">
              Use the default rules again
            </button>
          </Form>
        )}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/achievements/:achievementId/course/rules",
    signedIn((c, user) => editor(c, user)),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/rules",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "achievementId")];
      const values = await readForm(c);
      const form: RuleForm = Object.fromEntries(
        Object.entries(values).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
      );
      try {
        await setCourseRules(deps, actorOf(user), slug, id, form);
        return redirectWith(c, path(slug, id), "The award rules are saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, user, form, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/rules/default",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "achievementId")];
      await readForm(c);
      await setCourseRules(deps, actorOf(user), slug, id, undefined);
      return redirectWith(c, path(slug, id), "The default award rules apply again.");
    }),
  );
  return pages;
}
