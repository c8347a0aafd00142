import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { changeEmployeeProfile, inviteEmployee, removeEmployee } from "../../app/workforce/employees.ts";
import { employeeInviteInput, employeeProfileInput } from "../../app/workforce/inputs.ts";
import { getSkillsGap } from "../../app/workforce/skills-gap.ts";
import { SHARING_LABELS } from "../../app/workforce/team.ts";
import { DomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf } from "../env.ts";
import {
  ErrorSummary,
  Field,
  Form,
  type FormErrors,
  type FormValues,
  fieldText,
  SelectField,
} from "./forms.tsx";
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

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export function workforcePeoplePages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  const base = (slug: string) => `/orgs/${slug}/workforce/people`;

  const peoplePage = async (
    c: PageContext,
    slug: string,
    values: FormValues = {},
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const { organization, membership, profiles, rows, sponsorships } = await getSkillsGap(
      deps,
      actorOf(user),
      slug,
    );
    const csrf = c.get("csrfToken");
    const options = [["", "No role profile"] as const, ...profiles.map((p) => [p.id, p.name] as const)];
    return render(
      c,
      `Employees · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="workforce" />
        <WorkforceNav slug={slug} current="people" />
        <h2>Employees</h2>
        <section class="table-wrap" aria-label="Employees" tabindex={0}>
          <table>
            <caption class="visually-hidden">Employees invited to share their wallet</caption>
            <thead>
              <tr>
                <th scope="col">Employee</th>
                <th scope="col">Sharing</th>
                <th scope="col">Role profile</th>
                <th scope="col">Sponsorships</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ member, state }) => (
                <tr>
                  <th scope="row">
                    {member.name ?? member.email}
                    <br />
                    <span class="hint">{member.email}</span>
                  </th>
                  <td>
                    {SHARING_LABELS[state]}
                    <br />
                    <span class="hint">invited {dateFormat.format(member.invitedAt)}</span>
                  </td>
                  <td>
                    <Form action={`${base(slug)}/${member.id}/profile`} csrf={csrf} class="inline">
                      <label class="visually-hidden" for={`profile-${member.id}`}>
                        Role profile of {member.email}
                      </label>
                      <select id={`profile-${member.id}`} name="roleProfileId">
                        {options.map(([value, label]) => (
                          <option value={value} selected={value === (member.roleProfileId ?? "")}>
                            {label}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" class="small secondary">
                        Change<span class="visually-hidden"> role profile of {member.email}</span>
                      </button>
                    </Form>
                  </td>
                  <td>
                    {sponsorships
                      .filter((s) => s.memberId === member.id)
                      .map((s) => (
                        <div>
                          {s.achievementName}: {s.status}
                        </div>
                      ))}
                  </td>
                  <td>
                    <Form action={`${base(slug)}/${member.id}/remove`} csrf={csrf} class="inline">
                      <button type="submit" class="small danger">
                        Remove<span class="visually-hidden"> {member.email}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div class="narrow">
          <h2 id="invite">Invite an employee</h2>
          <p class="hint">
            They get a link by email and decide whether to share their wallet with {organization.name}. They
            can stop sharing at any time.
          </p>
          <ErrorSummary errors={errors} message={message} />
          <Form action={base(slug)} csrf={csrf}>
            <Field
              name="email"
              label="Email address"
              type="email"
              value={fieldText(values, "email")}
              errors={errors}
              required
            />
            <Field name="name" label="Name (optional)" value={fieldText(values, "name")} errors={errors} />
            <SelectField
              name="roleProfileId"
              label="Role profile"
              options={options}
              value={fieldText(values, "roleProfileId")}
              errors={errors}
            />
            <button type="submit">Send invitation</button>
          </Form>
        </div>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/workforce/people",
    signedIn((c) => peoplePage(c, pathParam(c, "slug"))),
  );

  pages.post(
    "/orgs/:slug/workforce/people",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const member = await inviteEmployee(
          deps,
          actorOf(user),
          slug,
          parseForm(employeeInviteInput, values),
        );
        return redirectWith(c, base(slug), `Invitation sent to ${member.email}.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => peoplePage(c, slug, values, errors, message));
      }
    }),
  );

  pages.post(
    "/orgs/:slug/workforce/people/:id/profile",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { roleProfileId } = parseForm(employeeProfileInput, await readForm(c));
      await changeEmployeeProfile(deps, actorOf(user), slug, pathParam(c, "id"), roleProfileId);
      return redirectWith(c, base(slug), "The role profile is changed.");
    }),
  );

  pages.post(
    "/orgs/:slug/workforce/people/:id/remove",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      await removeEmployee(deps, actorOf(user), slug, pathParam(c, "id"));
      return redirectWith(c, base(slug), "The employee is removed.");
    }),
  );

  return pages;
}
