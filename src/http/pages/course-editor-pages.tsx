import { Hono } from "hono";
import { courseEditor } from "../../app/earning/course-editor.ts";
import { deleteModule } from "../../app/earning/delete-module.ts";
import { moveModule } from "../../app/earning/move-module.ts";
import { saveModule } from "../../app/earning/save-module.ts";
import { setEnrolmentMode } from "../../app/earning/set-enrolment-mode.ts";
import { ENROLMENT_MODES, type EnrolmentMode } from "../../domain/earning/course.ts";
import { VIDEO_HINT } from "../../domain/earning/video.ts";
import type { User } from "../../domain/types.ts";
import { type AppEnv, actorOf, type HttpDeps } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
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
import { OrganizationTabs } from "./organization-tabs.tsx";

export const MODE_LABELS: Record<EnrolmentMode, [string, string]> = {
  open: ["Open", "Anyone signed in can enrol and start at once."],
  invitation: ["By invitation", "Only people you invite by email can enrol."],
  approval: ["By approval", "Anyone can ask to enrol; you approve or decline each request."],
};

/** The Markdown and video fields of a module, shared by the "add" form here and the module editor. */
export const ModuleFields = (props: { values: FormValues; errors: FormErrors }) => (
  <>
    <Field name="title" label="Title" value={fieldText(props.values, "title")} errors={props.errors} />
    <Field
      name="body"
      type="textarea"
      label="Content"
      hint="Markdown: # headings, - lists, [links](https://…), ![images](https://…), `code` and ``` code blocks. HTML is shown as text."
      value={fieldText(props.values, "body")}
      errors={props.errors}
    />
    <Field
      name="videoUrl"
      type="url"
      label="Video address (optional)"
      hint={VIDEO_HINT}
      value={fieldText(props.values, "videoUrl")}
      errors={props.errors}
    />
  </>
);

/** `/orgs/:slug/achievements/:achievementId/course`: how learners enrol, and the modules in order. */
export function courseEditorPages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  const base = (c: PageContext) =>
    `/orgs/${pathParam(c, "slug")}/achievements/${pathParam(c, "achievementId")}/course`;

  const editor = async (c: PageContext, values: FormValues = {}, errors?: FormErrors, message?: string) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const [slug, id] = [pathParam(c, "slug"), pathParam(c, "achievementId")];
    const view = await courseEditor(deps, actorOf(user), slug, id);
    const { course } = view;
    const csrf = c.get("csrfToken");
    const here = base(c);
    return render(
      c,
      `Course · ${view.name}`,
      <section>
        <OrganizationTabs
          organization={view.organization}
          memberRole={view.membership?.role}
          current="achievements"
        />
        <h2>Course: {view.name}</h2>
        <p>
          <a href={`/orgs/${slug}/achievements/${id}`}>Back to the micro-credential</a> ·{" "}
          <a href={`${here}/enrolments`}>
            Enrolments ({view.enrolled} enrolled{view.pending ? `, ${view.pending} waiting for approval` : ""}
            )
          </a>{" "}
          · <a href={`${here}/rules`}>Award rules</a>
          {view.published ? (
            <>
              {" "}
              · <a href={`/learn/${id}`}>The course as learners see it</a>
            </>
          ) : null}
        </p>
        {view.published ? null : (
          <p class="hint">Learners can enrol once the micro-credential is published and has a module.</p>
        )}
        <ErrorSummary errors={errors} message={message} />
        <h3>How learners enrol</h3>
        <Form action={`${here}/enrolment`} csrf={csrf}>
          <fieldset>
            <legend>Enrolment</legend>
            {ENROLMENT_MODES.map((mode) => (
              <div class="checkbox">
                <input
                  type="radio"
                  id={`enrolment-${mode}`}
                  name="enrolment"
                  value={mode}
                  checked={course.enrolment === mode}
                  aria-describedby={`enrolment-${mode}-hint`}
                />
                <label for={`enrolment-${mode}`}>{MODE_LABELS[mode][0]}</label>
                <span class="hint" id={`enrolment-${mode}-hint`}>
                  {MODE_LABELS[mode][1]}
                </span>
              </div>
            ))}
          </fieldset>
          <button type="submit">Save the enrolment mode</button>
        </Form>
        <h3>Modules</h3>
        {course.modules.length ? (
          <ol class="course-modules">
            {course.modules.map((module, i) => (
              <li>
                <a href={`${here}/modules/${module.id}`}>{module.title}</a>{" "}
                <span class="hint">
                  {module.assessments.length
                    ? plural(module.assessments.length, "assessment")
                    : "no assessment"}
                  {module.videoUrl ? " · video" : ""}
                </span>{" "}
                {i > 0 ? (
                  <Form action={`${here}/modules/${module.id}/move`} csrf={csrf} class="inline">
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" class="secondary small">
                      Move up <span class="visually-hidden">{module.title}</span>
                    </button>
                  </Form>
                ) : null}{" "}
                {i < course.modules.length - 1 ? (
                  <Form action={`${here}/modules/${module.id}/move`} csrf={csrf} class="inline">
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit" class="secondary small">
                      Move down <span class="visually-hidden">{module.title}</span>
                    </button>
                  </Form>
                ) : null}{" "}
                <Form action={`${here}/modules/${module.id}/delete`} csrf={csrf} class="inline">
                  <button type="submit" class="secondary small">
                    Delete <span class="visually-hidden">{module.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        ) : (
          <p>No modules yet. Add the first one below.</p>
        )}
        <h3 id="add-module">Add a module</h3>
        <div class="narrow">
          <Form action={`${here}/modules`} csrf={csrf}>
            <ModuleFields values={values} errors={errors} />
            <button type="submit">Add the module</button>
          </Form>
        </div>
      </section>,
    );
  };

  const action =
    (
      run: (
        c: PageContext,
        user: User,
        values: Record<string, string | string[]>,
      ) => Promise<{ to?: string; notice: string }>,
    ) =>
    async (c: PageContext, user: User) => {
      const values = await readForm(c);
      try {
        const { to, notice } = await run(c, user, values);
        return redirectWith(c, to ?? base(c), notice);
      } catch (error) {
        return formFailure(c, error, (errors, message) => editor(c, values, errors, message));
      }
    };
  const who = (c: PageContext, user: User) =>
    [actorOf(user), pathParam(c, "slug"), pathParam(c, "achievementId")] as const;

  pages.get(
    "/orgs/:slug/achievements/:achievementId/course",
    signedIn((c) => editor(c)),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/enrolment",
    signedIn(
      action(async (c, user, values) => {
        const course = await setEnrolmentMode(deps, ...who(c, user), values);
        return { notice: `Enrolment is now ${MODE_LABELS[course.enrolment][0].toLowerCase()}.` };
      }),
    ),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/modules",
    signedIn(
      action(async (c, user, values) => {
        const module = await saveModule(deps, ...who(c, user), undefined, values);
        return { notice: `The module “${module.title}” is added.` };
      }),
    ),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/modules/:moduleId/move",
    signedIn(
      action(async (c, user, values) => {
        await moveModule(deps, ...who(c, user), pathParam(c, "moduleId"), fieldText(values, "direction"));
        return { notice: "The module is moved." };
      }),
    ),
  );
  pages.post(
    "/orgs/:slug/achievements/:achievementId/course/modules/:moduleId/delete",
    signedIn(
      action(async (c, user) => {
        await deleteModule(deps, ...who(c, user), pathParam(c, "moduleId"));
        return { notice: "The module is deleted." };
      }),
    ),
  );
  return pages;
}
