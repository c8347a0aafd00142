import { Hono } from "hono";
import { projectEditor, saveProject } from "../../app/earning/manage-project.ts";
import { rubricMaxPoints } from "../../domain/earning/course.ts";
import { isDomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { statusFor } from "../problem.ts";
import { ErrorSummary, Field, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
import { type PageContext, pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";
import {
  criterionRows,
  formErrors,
  formFromProject,
  levelRows,
  levelRowsOf,
  projectFromForm,
} from "./project-form.ts";

const Check = (props: { name: string; label: string; values: FormValues }) => (
  <div class="checkbox">
    <input
      id={`field-${props.name}`}
      name={props.name}
      type="checkbox"
      value="on"
      checked={fieldText(props.values, props.name) === "on"}
    />
    <label for={`field-${props.name}`}>{props.label}</label>
  </div>
);

/** `/orgs/:slug/achievements/:achievementId/course/projects/:projectId`: a project's brief, limits, rubric, peer review. */
export function projectEditorPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const base = "/orgs/:slug/achievements/:achievementId/course/projects/:projectId";

  const editor = async (c: PageContext, posted?: FormValues, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const [slug, achievementId, projectId] = [
      pathParam(c, "slug"),
      pathParam(c, "achievementId"),
      pathParam(c, "projectId"),
    ];
    const view = await projectEditor(deps, actorOf(user), slug, achievementId, projectId);
    const values = posted ?? formFromProject(view.project);
    const f = (key: string) => fieldText(values, key);
    const course = `/orgs/${slug}/achievements/${achievementId}/course`;
    const field = (name: string, label: string, type?: string, hint?: string) => (
      <Field
        name={name}
        label={label}
        type={type}
        value={f(name)}
        errors={errors}
        {...(hint ? { hint } : {})}
      />
    );
    return render(
      c,
      `${view.project.title} · ${view.name}`,
      <section>
        <OrganizationTabs
          organization={view.organization}
          memberRole={view.membership?.role}
          current="achievements"
        />
        <p>
          <a href={course}>Course of {view.name}</a>
        </p>
        <h2>Project: {view.project.title}</h2>
        <p>
          The rubric is worth {rubricMaxPoints(view.project.rubric)} points in all. Grades already given keep
          the points they were given.
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action={`${course}/projects/${projectId}`} csrf={c.get("csrfToken")}>
          {field("title", "Title")}
          {field("brief", "Brief (Markdown)", "textarea")}
          {field("passPoints", "Points needed to pass", "number")}
          {field(
            "dueAt",
            "Due (UTC, optional)",
            "datetime-local",
            "Submissions after this time are refused.",
          )}
          <fieldset>
            <legend>What learners hand in</legend>
            <Check name="accepts.text" label="Text" values={values} />
            <Check name="accepts.links" label="Links (https)" values={values} />
            <Check name="accepts.files" label="Files" values={values} />
            {field(
              "accepts.fileTypes",
              "File types",
              "text",
              "Extensions separated by commas, e.g. pdf, png, zip",
            )}
            {field("accepts.maxFileMb", "Largest file (MB)", "number")}
          </fieldset>
          <h3>Rubric</h3>
          <p class="hint">
            Leave a criterion's name empty to skip it; tick “Delete” to remove one. Each criterion needs at
            least two levels; empty level rows are left out.
          </p>
          {Array.from({ length: criterionRows(values) + 1 }, (_, c2) => {
            const key = `rubric.${c2}`;
            const isNew = !f(`${key}.id`);
            return (
              <fieldset>
                <legend>{isNew ? "New criterion" : `Criterion ${c2 + 1}: ${f(`${key}.name`)}`}</legend>
                {isNew ? null : <input type="hidden" name={`${key}.id`} value={f(`${key}.id`)} />}
                {field(`${key}.name`, "Criterion name")}
                {field(`${key}.description`, "What it looks at (optional)")}
                {Array.from({ length: levelRows(levelRowsOf(values, c2)) }, (_, l) => {
                  const level = `${key}.levels.${l}`;
                  return (
                    <div class="field-row">
                      {f(`${level}.id`) ? (
                        <input type="hidden" name={`${level}.id`} value={f(`${level}.id`)} />
                      ) : null}
                      {field(`${level}.name`, `Level ${l + 1} name`)}
                      {field(`${level}.points`, `Level ${l + 1} points`, "number")}
                      {field(`${level}.descriptor`, `Level ${l + 1} descriptor`)}
                    </div>
                  );
                })}
                {isNew ? null : (
                  <Check name={`${key}.delete`} label="Delete this criterion" values={values} />
                )}
              </fieldset>
            );
          })}
          <fieldset>
            <legend>Peer review</legend>
            <Check name="peer.enabled" label="Learners review each other's submissions" values={values} />
            {field("peerReview.reviews", "Reviews each submission receives", "number")}
            {field(
              "peerReview.disagreementPoints",
              "Flag for an assessor when reviewers differ by more than (points)",
              "number",
            )}
            <Check
              name="peerReview.reviewBeforeGraded"
              label="Learners must review before they are graded"
              values={values}
            />
          </fieldset>
          <button type="submit">Save the project</button>
        </Form>
      </section>,
    );
  };

  pages.get(
    base,
    signedIn((c) => editor(c)),
  );
  pages.post(
    base,
    signedIn(async (c, user) => {
      const [slug, achievementId, projectId] = [
        pathParam(c, "slug"),
        pathParam(c, "achievementId"),
        pathParam(c, "projectId"),
      ];
      const values = await readForm(c);
      const { input, slots } = projectFromForm(values);
      try {
        await saveProject(deps, actorOf(user), slug, achievementId, projectId, input);
        return redirectWith(
          c,
          `/orgs/${slug}/achievements/${achievementId}/course/projects/${projectId}`,
          "The project is saved.",
        );
      } catch (error) {
        if (!isDomainError(error)) throw error;
        c.status(statusFor(error.code));
        return editor(
          c,
          values,
          error.fields && formErrors(error.fields, slots),
          error.fields ? undefined : error.message,
        );
      }
    }),
  );
  return pages;
}
