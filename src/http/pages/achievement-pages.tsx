import { Hono } from "hono";
import {
  archiveDefinition,
  createDefinition,
  getDefinition,
  listDefinitions,
  publishDefinition,
  updateDefinition,
} from "../../app/achievements/manage-definitions.ts";
import type { AppDeps } from "../../app/ports.ts";
import { definitionInput } from "../../domain/achievements/definition.ts";
import { type AppEnv, actorOf } from "../env.ts";
import {
  AchievementForm,
  definitionFromForm,
  type FormValues,
  formFromDefinition,
} from "./achievement-form.tsx";
import { ErrorSummary, Form, type FormErrors } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  parseForm,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const FIELD_NAMES: Record<string, string> = {
  targetName: "Name",
  targetCode: "Code",
  targetFramework: "Framework",
  targetUrl: "Url",
};
/** Errors on list items point at the form fields they came from (alignments.1.targetUrl → skill1Url). */
const formErrors = (errors: FormErrors): FormErrors =>
  errors &&
  Object.fromEntries(
    Object.entries(errors).map(([key, message]) => {
      const skill = /^alignments\.(\d+)\.(\w+)$/.exec(key);
      if (skill) return [`skill${skill[1]}${FIELD_NAMES[skill[2] ?? ""] ?? "Name"}`, message];
      return [key.split(".")[0] ?? key, message];
    }),
  );
const STATUS_LABEL = { draft: "Draft", published: "Published", archived: "Archived" } as const;

export function achievementPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs/:slug/achievements",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { organization, membership, achievements } = await listDefinitions(deps, actorOf(user), slug);
      return render(
        c,
        `Micro-credentials · ${organization.name}`,
        <section>
          <OrganizationTabs
            organization={organization}
            memberRole={membership?.role}
            current="achievements"
          />
          <div class="page-head">
            <h2>Micro-credentials</h2>
            <a class="button" href={`/orgs/${slug}/achievements/new`}>
              New micro-credential
            </a>
          </div>
          {achievements.length === 0 ? (
            <p class="hint">
              No micro-credentials yet. Define the first one: its outcomes, workload, assessment and skills.
            </p>
          ) : (
            <ul class="cards">
              {achievements.map((a) => (
                <li class="card">
                  <h3>
                    <a href={`/orgs/${slug}/achievements/${a.id}`}>{a.name}</a>
                  </h3>
                  <p class="hint">
                    {STATUS_LABEL[a.status]} · version {a.latestVersion}
                    {a.publishedVersion && a.publishedVersion !== a.latestVersion
                      ? ` (version ${a.publishedVersion} published)`
                      : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>,
      );
    }),
  );

  const newPage = (c: PageContext, slug: string, values: FormValues, errors?: FormErrors, message?: string) =>
    render(
      c,
      "New micro-credential",
      <section class="narrow">
        <h1>New micro-credential</h1>
        <p>Save a draft at any time; publishing needs every element the EU framework requires.</p>
        <ErrorSummary errors={formErrors(errors)} message={message} />
        <AchievementForm
          action={`/orgs/${slug}/achievements`}
          csrf={c.get("csrfToken")}
          values={values}
          errors={formErrors(errors)}
          submit="Save draft"
        />
      </section>,
    );
  pages.get(
    "/orgs/:slug/achievements/new",
    signedIn((c) => newPage(c, pathParam(c, "slug"), {})),
  );
  pages.post(
    "/orgs/:slug/achievements",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const achievement = await createDefinition(
          deps,
          actorOf(user),
          slug,
          parseForm(definitionInput, definitionFromForm(values)),
        );
        return redirectWith(c, `/orgs/${slug}/achievements/${achievement.id}`, "The draft is saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => newPage(c, slug, values, errors, message));
      }
    }),
  );

  const editPage = async (
    c: PageContext,
    slug: string,
    id: string,
    values?: FormValues,
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) return c.redirect("/signin", 303);
    const { organization, membership, achievement, latest } = await getDefinition(
      deps,
      actorOf(user),
      slug,
      id,
    );
    const csrf = c.get("csrfToken");
    const published = achievement.publishedVersion;
    return render(
      c,
      `${latest.definition.name} · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="achievements" />
        <h2>{latest.definition.name}</h2>
        <p>
          <span class="tag">{STATUS_LABEL[achievement.status]}</span> Version {latest.version}
          {latest.publishedAt ? " (published)" : " (draft)"}
          {published ? (
            <>
              {" "}
              · <a href={`/achievements/${id}`}>Public page of version {published}</a> ·{" "}
              <a href={`/orgs/${slug}/achievements/${id}/awards/bulk`}>Award in bulk (CSV)</a>
            </>
          ) : null}{" "}
          ·{" "}
          <a href={`/orgs/${slug}/achievements/${id}/pathway`}>
            Pathway: stack micro-credentials into this one
          </a>{" "}
          · <a href={`/orgs/${slug}/achievements/${id}/course`}>Course: modules, assessments and enrolment</a>
        </p>
        {achievement.status !== "archived" ? (
          <p class="actions">
            {!latest.publishedAt ? (
              <Form action={`/orgs/${slug}/achievements/${id}/publish`} csrf={csrf} class="inline">
                <button type="submit">Publish version {latest.version}</button>
              </Form>
            ) : null}{" "}
            {achievement.status === "published" ? (
              <a class="button" href={`/orgs/${slug}/achievements/${id}/award`}>
                Award
              </a>
            ) : null}{" "}
            <Form action={`/orgs/${slug}/achievements/${id}/archive`} csrf={csrf} class="inline">
              <button type="submit" class="secondary">
                Archive
              </button>
            </Form>
          </p>
        ) : null}
        <div class="narrow">
          <ErrorSummary errors={formErrors(errors)} message={message} />
          {achievement.status !== "archived" ? (
            <AchievementForm
              action={`/orgs/${slug}/achievements/${id}`}
              csrf={csrf}
              values={values ?? formFromDefinition(latest.definition)}
              errors={formErrors(errors)}
              submit={latest.publishedAt ? `Save as version ${latest.version + 1} (draft)` : "Save draft"}
            />
          ) : null}
        </div>
      </section>,
    );
  };
  pages.get(
    "/orgs/:slug/achievements/:id",
    signedIn((c) => editPage(c, pathParam(c, "slug"), pathParam(c, "id"))),
  );
  pages.post(
    "/orgs/:slug/achievements/:id",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      const values = await readForm(c);
      try {
        const { version } = await updateDefinition(
          deps,
          actorOf(user),
          slug,
          id,
          parseForm(definitionInput, definitionFromForm(values)),
        );
        return redirectWith(c, `/orgs/${slug}/achievements/${id}`, `Version ${version} is saved as a draft.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => editPage(c, slug, id, values, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/publish",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      await readForm(c);
      try {
        const { version } = await publishDefinition(deps, actorOf(user), slug, id);
        return redirectWith(c, `/orgs/${slug}/achievements/${id}`, `Version ${version} is published.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => editPage(c, slug, id, undefined, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/achievements/:id/archive",
    signedIn(async (c, user) => {
      const [slug, id] = [pathParam(c, "slug"), pathParam(c, "id")];
      await readForm(c);
      await archiveDefinition(deps, actorOf(user), slug, id);
      return redirectWith(c, `/orgs/${slug}/achievements`, "The micro-credential is archived.");
    }),
  );
  return pages;
}
