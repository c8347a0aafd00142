import { Hono } from "hono";
import { createApiKey, listApiKeys, revokeApiKey } from "../../app/api-keys/manage-api-keys.ts";
import { createApiKeyInput } from "../../app/inputs.ts";
import type { AppDeps } from "../../app/ports.ts";
import { DomainError } from "../../domain/errors.ts";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../domain/roles.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { ErrorSummary, Field, Form, type FormErrors } from "./forms.tsx";
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

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function apiKeyPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const keysPage = async (
    c: PageContext,
    slug: string,
    extra: { secret?: string; errors?: FormErrors; message?: string } = {},
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const { organization, apiKeys } = await listApiKeys(deps, actorOf(user), slug);
    const csrf = c.get("csrfToken");
    return render(
      c,
      `API keys · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole="owner" current="api-keys" />
        {extra.secret ? (
          <div class="secret" role="status">
            <h2>Your new API key</h2>
            <p>Copy it now: Cairn keeps only a fingerprint and cannot show it again.</p>
            <label for="new-key">API key</label>
            <input id="new-key" class="mono" readonly value={extra.secret} />
            <p class="hint">
              Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
            </p>
          </div>
        ) : null}
        <h2>Keys</h2>
        {apiKeys.length === 0 ? (
          <p class="hint">No keys yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {apiKeys.map((k) => (
                  <tr>
                    <td>{k.name}</td>
                    <td class="mono">cairn_{k.prefix}_…</td>
                    <td>{k.scopes.join(", ")}</td>
                    <td>{dateFormat.format(k.createdAt)}</td>
                    <td>{k.lastUsedAt ? dateFormat.format(k.lastUsedAt) : "never"}</td>
                    <td>
                      {k.revokedAt ? (
                        <span class="tag">revoked</span>
                      ) : (
                        <Form action={`/orgs/${slug}/api-keys/${k.id}/revoke`} csrf={csrf} class="inline">
                          <button type="submit" class="small danger">
                            Revoke<span class="visually-hidden"> {k.name}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="narrow">
          <h2>Create a key</h2>
          <ErrorSummary errors={extra.errors} message={extra.message} />
          <Form action={`/orgs/${slug}/api-keys`} csrf={csrf}>
            <Field
              name="name"
              label="Name"
              hint="What will use it, such as “LMS integration”."
              errors={extra.errors}
              required
            />
            <fieldset id="field-scopes">
              <legend>Scopes</legend>
              {extra.errors?.scopes ? <p class="field-error">{extra.errors.scopes}</p> : null}
              {(Object.entries(API_KEY_SCOPES) as [ApiKeyScope, string][]).map(([scope, label]) => (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={`scope-${scope}`}
                    name="scopes"
                    value={scope}
                    checked={scope.endsWith(":read")}
                  />
                  <label for={`scope-${scope}`}>
                    {label} <span class="mono hint">{scope}</span>
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit">Create key</button>
          </Form>
        </div>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/api-keys",
    signedIn((c) => keysPage(c, pathParam(c, "slug"))),
  );
  pages.post(
    "/orgs/:slug/api-keys",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const scopes = values.scopes === undefined ? [] : ([] as string[]).concat(values.scopes);
        const input = parseForm(createApiKeyInput, { name: values.name, scopes });
        const { secret } = await createApiKey(deps, actorOf(user), slug, {
          name: input.name,
          scopes: input.scopes as ApiKeyScope[],
        });
        c.header("cache-control", "no-store");
        return keysPage(c, slug, { secret });
      } catch (error) {
        return formFailure(c, error, (errors, message) => keysPage(c, slug, { errors, message }));
      }
    }),
  );
  pages.post(
    "/orgs/:slug/api-keys/:id/revoke",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      await revokeApiKey(deps, actorOf(user), slug, pathParam(c, "id"));
      return redirectWith(
        c,
        `/orgs/${slug}/api-keys`,
        "The key is revoked: requests with it are refused from now on.",
      );
    }),
  );

  return pages;
}
