import { Hono } from "hono";
import { createOrganizationInput, organizationProfileInput } from "../../app/inputs.ts";
import { createOrganization } from "../../app/organizations/create-organization.ts";
import {
  getOrganization,
  getOrganizationLogo,
  listMyOrganizations,
  setOrganizationLogo,
  updateOrganization,
} from "../../app/organizations/organization-profile.ts";
import type { AppDeps } from "../../app/ports.ts";
import { DomainError } from "../../domain/errors.ts";
import { ROLE_LABELS } from "../../domain/roles.ts";
import type { Organization } from "../../domain/types.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors, fieldText, SelectField } from "./forms.tsx";
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

type Values = Partial<Record<string, string | string[] | null>>;

function ProfileFields({
  values,
  errors,
  withSlug,
}: {
  values: Values;
  errors: FormErrors;
  withSlug: boolean;
}) {
  return (
    <>
      <Field
        name="name"
        label="Name"
        value={fieldText(values, "name")}
        errors={errors}
        required
        maxlength={120}
      />
      {withSlug ? (
        <Field
          name="slug"
          label="Web address"
          hint="Lowercase letters, digits and hyphens. It appears in credential and DID addresses and cannot change later."
          value={fieldText(values, "slug")}
          errors={errors}
          required
          maxlength={40}
        />
      ) : null}
      <Field
        name="website"
        label="Website"
        type="url"
        hint="For example https://www.example.edu"
        value={fieldText(values, "website")}
        errors={errors}
      />
      <Field
        name="contactEmail"
        label="Contact email"
        type="email"
        value={fieldText(values, "contactEmail")}
        errors={errors}
      />
      <div class="field-row">
        <Field
          name="country"
          label="Country code"
          hint="Two letters, such as NL or US."
          value={fieldText(values, "country")}
          errors={errors}
          maxlength={2}
        />
        <Field
          name="region"
          label="Region"
          hint="State, province or region, if any."
          value={fieldText(values, "region")}
          errors={errors}
        />
      </div>
      <Field
        name="description"
        label="Description"
        type="textarea"
        value={fieldText(values, "description")}
        errors={errors}
        maxlength={2000}
      />
      <SelectField
        name="credentialFormat"
        label="How credentials are signed"
        options={[
          ["ldp", "Data Integrity proof (eddsa-rdfc-2022): the Open Badges 3.0 default"],
          ["jwt", "VC-JWT (EdDSA): for wallets and verifiers that expect JWTs"],
        ]}
        value={fieldText(values, "credentialFormat") || "ldp"}
        errors={errors}
      />
    </>
  );
}

const profileValues = ({
  hasLogo: _,
  createdAt: __,
  updatedAt: ___,
  accreditorSince: ____,
  ...o
}: Organization): Values => o;

export function organizationPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs",
    signedIn(async (c, user) => {
      const organizations = await listMyOrganizations(deps, user.id);
      return render(
        c,
        "Your organizations",
        <section>
          <div class="page-head">
            <h1>Your organizations</h1>
            <a class="button" href="/orgs/new">
              Create an organization
            </a>
          </div>
          {organizations.length === 0 ? (
            <p>
              You are not a member of any organization yet. Create one to issue credentials, or accept an
              invitation from a colleague.
            </p>
          ) : (
            <ul class="cards">
              {organizations.map((o) => (
                <li class="card">
                  <h2>
                    <a href={`/orgs/${o.slug}`}>{o.name}</a>
                  </h2>
                  <p class="hint">Your role: {ROLE_LABELS[o.role]}</p>
                </li>
              ))}
            </ul>
          )}
        </section>,
      );
    }),
  );

  const newPage = (c: PageContext, values: Values, errors?: FormErrors, message?: string) =>
    render(
      c,
      "Create an organization",
      <section class="narrow">
        <h1>Create an organization</h1>
        <p>
          A university, training provider, employer or industry body that issues or recognises credentials.
          You become its owner.
        </p>
        <ErrorSummary errors={errors} message={message} />
        <Form action="/orgs" csrf={c.get("csrfToken")}>
          <ProfileFields values={values} errors={errors} withSlug />
          <button type="submit">Create organization</button>
        </Form>
      </section>,
    );
  pages.get(
    "/orgs/new",
    signedIn((c) => newPage(c, {})),
  );
  pages.post(
    "/orgs",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      try {
        const { organization } = await createOrganization(
          deps,
          actorOf(user),
          parseForm(createOrganizationInput, values),
        );
        return redirectWith(
          c,
          `/orgs/${organization.slug}`,
          `${organization.name} is created. Invite your colleagues next.`,
        );
      } catch (error) {
        return formFailure(c, error, (errors, message) => newPage(c, values, errors, message));
      }
    }),
  );

  pages.get(
    "/orgs/:slug",
    signedIn(async (c, user) => {
      const { organization, membership } = await getOrganization(deps, actorOf(user), pathParam(c, "slug"));
      return render(
        c,
        organization.name,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="overview" />
          <div class="org-profile">
            {organization.hasLogo ? (
              <img class="logo" src={`/orgs/${organization.slug}/logo`} alt={`${organization.name} logo`} />
            ) : null}
            <div>
              {organization.description ? (
                <p>{organization.description}</p>
              ) : (
                <p class="hint">No description yet.</p>
              )}
              <dl class="facts">
                <dt>Website</dt>
                <dd>
                  {organization.website ? <a href={organization.website}>{organization.website}</a> : "—"}
                </dd>
                <dt>Contact</dt>
                <dd>{organization.contactEmail ?? "—"}</dd>
                <dt>Country / region</dt>
                <dd>{[organization.country, organization.region].filter(Boolean).join(" · ") || "—"}</dd>
                <dt>Your role</dt>
                <dd>{membership ? ROLE_LABELS[membership.role] : "Platform admin (read only)"}</dd>
              </dl>
            </div>
          </div>
        </section>,
      );
    }),
  );

  const settingsPage = async (
    c: PageContext,
    slug: string,
    values?: Values,
    errors?: FormErrors,
    message?: string,
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const { organization, membership } = await getOrganization(deps, actorOf(user), slug);
    if (membership?.role !== "owner")
      throw new DomainError("forbidden", "Only owners can edit the organization.");
    return render(
      c,
      `Settings · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership.role} current="settings" />
        <div class="narrow">
          <h2>Profile</h2>
          <ErrorSummary errors={errors} message={message} />
          <Form action={`/orgs/${slug}/settings`} csrf={c.get("csrfToken")}>
            <ProfileFields values={values ?? profileValues(organization)} errors={errors} withSlug={false} />
            <button type="submit">Save profile</button>
          </Form>
          <h2>Logo</h2>
          {organization.hasLogo ? (
            <img class="logo" src={`/orgs/${slug}/logo`} alt="Current logo" />
          ) : (
            <p class="hint">No logo yet.</p>
          )}
          <Form action={`/orgs/${slug}/logo`} csrf={c.get("csrfToken")} enctype="multipart/form-data">
            <div class="field">
              <label for="field-logo">Logo image</label>
              <p class="hint" id="field-logo-hint">
                PNG, JPEG, WebP or SVG, at most 512 KiB. Square images look best.
              </p>
              <input
                id="field-logo"
                name="logo"
                type="file"
                accept="image/png,image/jpeg,image/webp,image/svg+xml"
                aria-describedby="field-logo-hint"
              />
            </div>
            <button type="submit" class="secondary">
              Upload logo
            </button>
          </Form>
        </div>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/settings",
    signedIn((c) => settingsPage(c, pathParam(c, "slug"))),
  );
  pages.post(
    "/orgs/:slug/settings",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        await updateOrganization(deps, actorOf(user), slug, parseForm(organizationProfileInput, values));
        return redirectWith(c, `/orgs/${slug}/settings`, "The profile is saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => settingsPage(c, slug, values, errors, message));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/logo",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      const file = (await c.req.parseBody()).logo;
      try {
        if (!(file instanceof File) || file.size === 0) {
          throw new DomainError("invalid_logo", "Choose an image file to upload.", {
            logo: "Choose an image file to upload.",
          });
        }
        const logo = { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type };
        await setOrganizationLogo(deps, actorOf(user), slug, logo);
        return redirectWith(c, `/orgs/${slug}/settings`, "The logo is saved.");
      } catch (error) {
        return formFailure(c, error, (errors, message) => settingsPage(c, slug, undefined, errors, message));
      }
    }),
  );
  pages.get("/orgs/:slug/logo", async (c) => {
    const logo = await getOrganizationLogo(deps, pathParam(c, "slug"));
    if (!logo) throw new DomainError("not_found", "This organization has no logo.");
    return c.body(logo.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": logo.contentType,
      "cache-control": "public, max-age=300",
      // An uploaded SVG may carry script: it is only ever shown as an image, never as a document.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  });

  return pages;
}
