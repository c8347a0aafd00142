import { Hono } from "hono";
import { changeRoleInput, inviteInput } from "../../app/inputs.ts";
import { acceptInvitation, viewInvitation } from "../../app/members/accept-invitation.ts";
import { inviteMember } from "../../app/members/invite-member.ts";
import {
  changeMemberRole,
  listMembers,
  removeMember,
  revokeInvitation,
} from "../../app/members/manage-members.ts";
import type { AppDeps } from "../../app/ports.ts";
import { DomainError } from "../../domain/errors.ts";
import { ORGANIZATION_ROLES, ROLE_LABELS } from "../../domain/roles.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, SelectField } from "./forms.tsx";
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

const ROLE_OPTIONS = ORGANIZATION_ROLES.map((role) => [role, ROLE_LABELS[role]] as const);
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export function memberPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const membersPage = async (
    c: PageContext,
    slug: string,
    invite?: { email: string; role: string },
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const { organization, membership, members, invitations } = await listMembers(deps, actorOf(user), slug);
    const owner = membership?.role === "owner";
    const csrf = c.get("csrfToken");
    return render(
      c,
      `Members · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="members" />
        <h2>Members</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Members of {organization.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                {owner ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    {owner ? (
                      <Form action={`/orgs/${slug}/members/${m.userId}/role`} csrf={csrf} class="inline">
                        <label class="visually-hidden" for={`role-${m.userId}`}>
                          Role of {m.name}
                        </label>
                        <select id={`role-${m.userId}`} name="role">
                          {ROLE_OPTIONS.map(([value, label]) => (
                            <option value={value} selected={value === m.role}>
                              {label}
                            </option>
                          ))}
                        </select>{" "}
                        <button type="submit" class="small secondary">
                          Change<span class="visually-hidden"> role of {m.name}</span>
                        </button>
                      </Form>
                    ) : (
                      ROLE_LABELS[m.role]
                    )}
                  </td>
                  {owner ? (
                    <td>
                      <Form action={`/orgs/${slug}/members/${m.userId}/remove`} csrf={csrf} class="inline">
                        <button type="submit" class="small danger">
                          Remove<span class="visually-hidden"> {m.name}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>Open invitations</h2>
        {invitations.length === 0 ? (
          <p class="hint">No open invitations.</p>
        ) : (
          <ul class="plain">
            {invitations.map((i) => (
              <li>
                {i.email} as {ROLE_LABELS[i.role]}, expires {dateFormat.format(i.expiresAt)}
                {owner ? (
                  <Form action={`/orgs/${slug}/invitations/${i.id}/revoke`} csrf={csrf} class="inline">
                    {" "}
                    <button type="submit" class="small secondary">
                      Withdraw<span class="visually-hidden"> invitation for {i.email}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {owner ? (
          <div class="narrow">
            <h2 id="invite">Invite a colleague</h2>
            <ErrorSummary errors={errors} message={message} />
            <Form action={`/orgs/${slug}/invitations`} csrf={csrf}>
              <Field
                name="email"
                label="Email address"
                type="email"
                value={invite?.email}
                errors={errors}
                required
              />
              <SelectField
                name="role"
                label="Role"
                options={ROLE_OPTIONS}
                value={invite?.role ?? "issuer"}
                errors={errors}
              />
              <button type="submit">Send invitation</button>
            </Form>
          </div>
        ) : null}
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/members",
    signedIn((c) => membersPage(c, pathParam(c, "slug"))),
  );

  pages.post(
    "/orgs/:slug/invitations",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const invitation = await inviteMember(deps, actorOf(user), slug, parseForm(inviteInput, values));
        return redirectWith(c, `/orgs/${slug}/members`, `Invitation sent to ${invitation.email}.`);
      } catch (error) {
        const again = { email: String(values.email ?? ""), role: String(values.role ?? "") };
        return formFailure(c, error, (errors, message) => membersPage(c, slug, again, errors, message));
      }
    }),
  );

  pages.post(
    "/orgs/:slug/members/:userId/role",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { role } = parseForm(changeRoleInput, await readForm(c));
      await changeMemberRole(deps, actorOf(user), slug, pathParam(c, "userId"), role);
      return redirectWith(c, `/orgs/${slug}/members`, `The role is now ${ROLE_LABELS[role]}.`);
    }),
  );

  pages.post(
    "/orgs/:slug/members/:userId/remove",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      await removeMember(deps, actorOf(user), slug, pathParam(c, "userId"));
      return redirectWith(
        c,
        user.id === pathParam(c, "userId") ? "/orgs" : `/orgs/${slug}/members`,
        "The member is removed.",
      );
    }),
  );

  pages.post(
    "/orgs/:slug/invitations/:id/revoke",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      await revokeInvitation(deps, actorOf(user), slug, pathParam(c, "id"));
      return redirectWith(c, `/orgs/${slug}/members`, "The invitation is withdrawn.");
    }),
  );

  pages.get("/invitations/:token", async (c) => {
    const token = pathParam(c, "token");
    const { invitation, organization } = await viewInvitation(deps, token);
    const user = c.get("user");
    const here = encodeURIComponent(c.req.path);
    return render(
      c,
      `Join ${organization.name}`,
      <section class="narrow">
        <h1>Join {organization.name}</h1>
        <p>
          You are invited to join <strong>{organization.name}</strong> on Cairn as{" "}
          {ROLE_LABELS[invitation.role]}. The invitation was sent to <strong>{invitation.email}</strong>.
        </p>
        {user ? (
          user.email === invitation.email ? (
            <Form action={c.req.path} csrf={c.get("csrfToken")}>
              <button type="submit">Accept and join {organization.name}</button>
            </Form>
          ) : (
            <p class="notice">
              You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.
            </p>
          )
        ) : (
          <p class="actions">
            <a class="button" href={`/signup?next=${here}&email=${encodeURIComponent(invitation.email)}`}>
              Create an account to accept
            </a>{" "}
            <a class="button secondary" href={`/signin?next=${here}`}>
              Sign in to accept
            </a>
          </p>
        )}
      </section>,
    );
  });

  pages.post(
    "/invitations/:token",
    signedIn(async (c, user) => {
      await readForm(c);
      const organization = await acceptInvitation(deps, user.id, pathParam(c, "token"));
      return redirectWith(c, `/orgs/${organization.slug}`, `Welcome to ${organization.name}.`);
    }),
  );

  return pages;
}
