import { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppDeps, RoleProfile } from "../../app/ports.ts";
import { MAX_PROFILE_SKILLS, roleProfileInput } from "../../app/workforce/inputs.ts";
import {
  deleteRoleProfile,
  getRoleProfile,
  listRoleProfiles,
  saveRoleProfile,
} from "../../app/workforce/role-profiles.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Membership, Organization } from "../../domain/types.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, type FormValues, fieldText } from "./forms.tsx";
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
import { WorkforceNav } from "./workforce-parts.tsx";

const EXTRA_ROWS = 3;
const rowCount = (values: FormValues) => {
  const used = Object.keys(values).filter((k) => /^skill\d+Name$/.test(k)).length;
  return Math.min(MAX_PROFILE_SKILLS, Math.max(5, used + EXTRA_ROWS));
};

/** The posted form as the profile schema's input: skill rows from numbered fields, blank rows left out. */
function profileFromForm(values: FormValues) {
  const skills = Array.from({ length: MAX_PROFILE_SKILLS }, (_, i) => ({
    name: fieldText(values, `skill${i}Name`),
    code: fieldText(values, `skill${i}Code`),
    framework: fieldText(values, `skill${i}Framework`),
    minLevel: fieldText(values, `skill${i}Level`),
  })).filter((s) => s.name.trim() || s.code.trim());
  return { name: fieldText(values, "name"), description: fieldText(values, "description"), skills };
}

function formFromProfile(profile: RoleProfile): FormValues {
  const values: FormValues = { name: profile.name, description: profile.description ?? "" };
  profile.skills.forEach((s, i) => {
    values[`skill${i}Name`] = s.skillName;
    values[`skill${i}Code`] = s.skillCode ?? "";
    values[`skill${i}Framework`] = s.framework ?? "";
    values[`skill${i}Level`] = s.minLevel ? String(s.minLevel) : "";
  });
  return values;
}

const LEVELS = ["", "1", "2", "3", "4", "5", "6", "7", "8"];

function ProfileForm(props: {
  slug: string;
  action: string;
  csrf: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const { values: v, errors } = props;
  return (
    <Form action={props.action} csrf={props.csrf}>
      <Field
        name="name"
        label="Role name"
        value={fieldText(v, "name")}
        errors={errors}
        required
        maxlength={120}
      />
      <Field
        name="description"
        label="Description (optional)"
        type="textarea"
        value={fieldText(v, "description")}
        errors={errors}
      />
      <fieldset id="field-skills">
        <legend>Required skills</legend>
        <p class="hint">
          Type a skill's name to pick it from the skills catalog (its code and framework are filled in when
          you save), or enter your own name and code. A minimum EQF level asks for a credential at that level
          or above.
        </p>
        {errors?.skills ? <p class="field-error">{errors.skills}</p> : null}
        <datalist id="skill-suggestions" />
        {Array.from({ length: rowCount(v) }, (_, i) => (
          <fieldset class="skill-row">
            <legend>Skill {i + 1}</legend>
            <label for={`skill${i}Name`}>Name</label>
            <input
              id={`skill${i}Name`}
              name={`skill${i}Name`}
              value={fieldText(v, `skill${i}Name`)}
              list="skill-suggestions"
              autocomplete="off"
              maxlength={200}
              data-suggest={`/orgs/${props.slug}/skills/search`}
            />
            <label for={`skill${i}Code`}>Code</label>
            <input
              id={`skill${i}Code`}
              name={`skill${i}Code`}
              value={fieldText(v, `skill${i}Code`)}
              maxlength={200}
            />
            <label for={`skill${i}Framework`}>Framework</label>
            <input
              id={`skill${i}Framework`}
              name={`skill${i}Framework`}
              value={fieldText(v, `skill${i}Framework`)}
              maxlength={200}
            />
            <label for={`skill${i}Level`}>Minimum EQF level</label>
            <select id={`skill${i}Level`} name={`skill${i}Level`}>
              {LEVELS.map((l) => (
                <option value={l} selected={fieldText(v, `skill${i}Level`) === l}>
                  {l || "Any level"}
                </option>
              ))}
            </select>
          </fieldset>
        ))}
      </fieldset>
      <button type="submit">Save role profile</button>
      <script src="/assets/skill-search.js" defer />
    </Form>
  );
}

export function workforceProfilePages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  const base = (slug: string) => `/orgs/${slug}/workforce/profiles`;

  const shell = (
    c: PageContext,
    title: string,
    access: { organization: Organization; membership: Membership | undefined },
    body: Child,
  ) =>
    render(
      c,
      `${title} · ${access.organization.name}`,
      <section>
        <OrganizationTabs
          organization={access.organization}
          memberRole={access.membership?.role}
          current="workforce"
        />
        <WorkforceNav slug={access.organization.slug} current="profiles" />
        {body}
      </section>,
    );

  const formPage = async (
    c: PageContext,
    slug: string,
    id: string | undefined,
    values?: FormValues,
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const actor = actorOf(user);
    const access = id
      ? await getRoleProfile(deps, actor, slug, id)
      : await listRoleProfiles(deps, actor, slug);
    const stored = "profile" in access ? formFromProfile(access.profile) : {};
    const title = id ? `Edit ${fieldText(stored, "name")}` : "New role profile";
    return shell(
      c,
      title,
      access,
      <div class="narrow">
        <h2>{title}</h2>
        <ErrorSummary errors={errors} message={message} />
        <ProfileForm
          slug={slug}
          action={id ? `${base(slug)}/${id}` : base(slug)}
          csrf={c.get("csrfToken")}
          values={values ?? stored}
          errors={errors}
        />
      </div>,
    );
  };

  pages.get(
    "/orgs/:slug/workforce/profiles",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const access = await listRoleProfiles(deps, actorOf(user), slug);
      return shell(
        c,
        "Role profiles",
        access,
        <>
          <h2>Role profiles</h2>
          <p>
            <a class="button" href={`${base(slug)}/new`}>
              New role profile
            </a>
          </p>
          {access.profiles.length === 0 ? (
            <p class="hint">No role profiles yet: a role profile lists the skills a job needs.</p>
          ) : (
            <ul class="plain">
              {access.profiles.map((p) => (
                <li>
                  <a href={`${base(slug)}/${p.id}`}>{p.name}</a>:{" "}
                  {p.skills.map((s) => s.skillName + (s.minLevel ? ` (EQF ${s.minLevel}+)` : "")).join(", ")}{" "}
                  <Form action={`${base(slug)}/${p.id}/delete`} csrf={c.get("csrfToken")} class="inline">
                    <button type="submit" class="small danger">
                      Delete<span class="visually-hidden"> {p.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </>,
      );
    }),
  );

  pages.get(
    "/orgs/:slug/workforce/profiles/new",
    signedIn((c) => formPage(c, pathParam(c, "slug"), undefined)),
  );
  pages.get(
    "/orgs/:slug/workforce/profiles/:id",
    signedIn((c) => formPage(c, pathParam(c, "slug"), pathParam(c, "id"))),
  );

  const save = (id: string | undefined) =>
    signedIn(async (c: PageContext, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const input = parseForm(roleProfileInput, profileFromForm(values));
        const profile = await saveRoleProfile(deps, actorOf(user), slug, { ...input, id });
        return redirectWith(c, base(slug), `The role profile “${profile.name}” is saved.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => formPage(c, slug, id, values, errors, message));
      }
    });
  pages.post("/orgs/:slug/workforce/profiles", save(undefined));
  pages.post("/orgs/:slug/workforce/profiles/:id", (c) => save(pathParam(c, "id"))(c));

  pages.post(
    "/orgs/:slug/workforce/profiles/:id/delete",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      await deleteRoleProfile(deps, actorOf(user), slug, pathParam(c, "id"));
      return redirectWith(c, base(slug), "The role profile is deleted.");
    }),
  );

  return pages;
}
