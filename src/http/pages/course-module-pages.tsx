import { Hono } from "hono";
import { addAssessment } from "../../app/earning/add-assessment.ts";
import { moduleOf } from "../../app/earning/course-access.ts";
import { courseEditor } from "../../app/earning/course-editor.ts";
import { saveModule } from "../../app/earning/save-module.ts";
import type { Assessment } from "../../domain/earning/course.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ModuleFields } from "./course-editor-pages.tsx";
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

const KIND_LABEL = { quiz: "Quiz", project: "Project" } as const;
const assessmentPath = (course: string, a: Pick<Assessment, "kind" | "id">) =>
  `${course}/${a.kind === "quiz" ? "quizzes" : "projects"}/${a.id}`;

/** `/orgs/:slug/achievements/:achievementId/course/modules/:moduleId`: one module's content and its assessments. */
export function courseModulePages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const paths = (c: PageContext) => {
    const course = `/orgs/${pathParam(c, "slug")}/achievements/${pathParam(c, "achievementId")}/course`;
    return { course, module: `${course}/modules/${pathParam(c, "moduleId")}` };
  };

  const editor = async (c: PageContext, values?: FormValues, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const view = await courseEditor(deps, actorOf(user), pathParam(c, "slug"), pathParam(c, "achievementId"));
    const { module, index } = moduleOf(view.course, pathParam(c, "moduleId"));
    const v: FormValues = {
      title: module.title,
      body: module.body,
      videoUrl: module.videoUrl ?? "",
      ...values,
    };
    const csrf = c.get("csrfToken");
    const here = paths(c);
    return render(
      c,
      `${module.title} · ${view.name}`,
      <section>
        <OrganizationTabs
          organization={view.organization}
          memberRole={view.membership?.role}
          current="achievements"
        />
        <p>
          <a href={here.course}>Back to the course {view.name}</a>
        </p>
        <h2>
          Module {index + 1}: {module.title}
        </h2>
        <ErrorSummary errors={errors} message={message} />
        <div class="narrow">
          <Form action={here.module} csrf={csrf}>
            <ModuleFields values={v} errors={errors} />
            <button type="submit">Save the module</button>
          </Form>
        </div>
        <h3>Assessments</h3>
        {module.assessments.length ? (
          <ul>
            {module.assessments.map((a) => (
              <li>
                {KIND_LABEL[a.kind]}: <a href={assessmentPath(here.course, a)}>{a.title}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>No assessment yet. A module can have quizzes and projects; add one below, then fill it in.</p>
        )}
        <div class="inline-form">
          <Form action={`${here.module}/quizzes`} csrf={csrf}>
            <Field
              name="quizTitle"
              label="Add a quiz: its title"
              value={fieldText(v, "quizTitle")}
              errors={errors}
            />
            <button type="submit" class="secondary">
              Add a quiz
            </button>
          </Form>
          <Form action={`${here.module}/projects`} csrf={csrf}>
            <Field
              name="projectTitle"
              label="Add a project: its title"
              value={fieldText(v, "projectTitle")}
              errors={errors}
            />
            <button type="submit" class="secondary">
              Add a project
            </button>
          </Form>
        </div>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/achievements/:achievementId/course/modules/:moduleId",
    signedIn((c) => editor(c)),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/modules/:moduleId",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      try {
        const module = await saveModule(
          deps,
          actorOf(user),
          pathParam(c, "slug"),
          pathParam(c, "achievementId"),
          pathParam(c, "moduleId"),
          values,
        );
        return redirectWith(c, paths(c).module, `The module “${module.title}” is saved.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, values, errors, message));
      }
    }),
  );
  for (const kind of ["quiz", "project"] as const) {
    pages.post(
      `/orgs/:slug/achievements/:achievementId/course/modules/:moduleId/${kind === "quiz" ? "quizzes" : "projects"}`,
      signedIn(async (c, user) => {
        const values = await readForm(c);
        try {
          const assessment = await addAssessment(
            deps,
            actorOf(user),
            pathParam(c, "slug"),
            pathParam(c, "achievementId"),
            pathParam(c, "moduleId"),
            { kind, title: fieldText(values, `${kind}Title`) },
          );
          return redirectWith(
            c,
            assessmentPath(paths(c).course, assessment),
            `The ${kind} “${assessment.title}” is added. Now fill it in.`,
          );
        } catch (error) {
          return formFailure(c, error, (errors, message) =>
            // The title field of this form carries the message.
            editor(c, values, errors?.title ? { [`${kind}Title`]: errors.title } : errors, message),
          );
        }
      }),
    );
  }
  return pages;
}
