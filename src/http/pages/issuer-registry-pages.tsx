import { Hono } from "hono";
import type { AppDeps } from "../../app/ports.ts";
import { listOrganizationsForAdmin, setAccreditorRole } from "../../app/trust/accreditor-role.ts";
import {
  endorsementDocument,
  issuerRegistryEntry,
  listIssuerRegistry,
} from "../../app/trust/issuer-registry.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { Form } from "./forms.tsx";
import { pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { AccreditationTable, AccreditedMark, dayFormat } from "./trust-parts.tsx";

/** The public registry of issuers, each issuer's page, accreditations' signed credentials, and the admin's grants. */
export function issuerRegistryPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get("/issuers", async (c) => {
    const q = c.req.query("q")?.slice(0, 200) ?? "";
    const accredited = c.req.query("accredited") === "yes";
    const entries = await listIssuerRegistry(deps, { q, accredited });
    return render(
      c,
      "Issuer registry",
      <section>
        <h1>Issuer registry</h1>
        <p class="lead">
          The issuers and accreditation bodies known to this Cairn, with their DIDs. A credential whose issuer
          is not listed here, or that uses a listed name with another DID, is flagged on the{" "}
          <a href="/verify">verification page</a>.
        </p>
        <search>
          <form method="get" action="/issuers" class="filters">
            <label for="q">Name or DID</label> <input id="q" name="q" type="search" value={q} />{" "}
            <label>
              <input type="checkbox" name="accredited" value="yes" checked={accredited} /> Accredited only
            </label>{" "}
            <button type="submit" class="small">
              Search
            </button>
          </form>
        </search>
        {entries.length === 0 ? (
          <p class="hint">No issuer matches.</p>
        ) : (
          <ul class="plain registry">
            {entries.map((e) => (
              <li class="card">
                <h2>
                  <a href={`/issuers/${e.organization.slug}`}>{e.organization.name}</a>
                  {e.organization.accreditorSince ? <span class="tag"> Accreditation body</span> : null}
                </h2>
                <p class="mono wrap">{e.did}</p>
                <p>
                  <AccreditedMark accreditations={e.accreditations} /> · {e.published.length} published
                  micro-credential{e.published.length === 1 ? "" : "s"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>,
    );
  });

  pages.get("/issuers/:slug", async (c) => {
    const e = await issuerRegistryEntry(deps, pathParam(c, "slug"));
    const o = e.organization;
    return render(
      c,
      `${o.name} · Issuer registry`,
      <section>
        <p>
          <a href="/issuers">Issuer registry</a>
        </p>
        <h1>{o.name}</h1>
        {o.description ? <p class="lead">{o.description}</p> : null}
        <dl class="facts">
          <dt>DID</dt>
          <dd class="mono wrap">{e.did}</dd>
          {o.website ? (
            <>
              <dt>Website</dt>
              <dd>
                <a href={o.website}>{o.website}</a>
              </dd>
            </>
          ) : null}
          {o.country ? (
            <>
              <dt>Country</dt>
              <dd>{[o.country, o.region].filter(Boolean).join(", ")}</dd>
            </>
          ) : null}
          {o.accreditorSince ? (
            <>
              <dt>Role</dt>
              <dd>Accreditation body since {dayFormat.format(o.accreditorSince)}</dd>
            </>
          ) : null}
        </dl>
        <h2>Accreditations</h2>
        {e.history.length === 0 ? (
          <p class="hint">No accreditation body has reviewed this issuer on Cairn.</p>
        ) : (
          <AccreditationTable rows={e.history} party="accreditor" />
        )}
        <h2>Published micro-credentials</h2>
        {e.published.length ? (
          <p>
            <a href={`/catalog/providers/${o.slug}`}>Compare them in the catalog</a>, with earners and
            accreditation.
          </p>
        ) : null}
        {e.published.length === 0 ? (
          <p class="hint">None yet.</p>
        ) : (
          <ul>
            {e.published.map((p) => (
              <li>
                <a href={`/achievements/${p.id}`}>{p.name}</a>
              </li>
            ))}
          </ul>
        )}
        {o.accreditorSince ? (
          <>
            <h2>Accreditations granted</h2>
            {e.granted.length === 0 ? (
              <p class="hint">None yet.</p>
            ) : (
              <AccreditationTable rows={e.granted} party="issuer" />
            )}
          </>
        ) : null}
      </section>,
    );
  });

  pages.get("/accreditations/:id/credential.json", async (c) => {
    const document = await endorsementDocument(deps, pathParam(c, "id"));
    return c.body(JSON.stringify(document, null, 2), 200, {
      "content-type": "application/vc+ld+json",
      "access-control-allow-origin": "*",
    });
  });

  pages.get(
    "/admin/organizations",
    signedIn(async (c, user) => {
      const organizations = await listOrganizationsForAdmin(deps, actorOf(user));
      const csrf = c.get("csrfToken");
      return render(
        c,
        "Organizations · Admin",
        <section>
          <h1>Organizations</h1>
          <p>
            <a href="/admin/outbox">Outbox</a> · Organizations
          </p>
          <p>
            An accreditation body reviews issuers against its quality criteria and signs endorsements that
            travel with their credentials. Grant the role only to bodies you have checked.
          </p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Every organization and its accreditor role</caption>
              <thead>
                <tr>
                  <th scope="col">Organization</th>
                  <th scope="col">Accreditor role</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((o) => (
                  <tr>
                    <td>
                      <a href={`/issuers/${o.slug}`}>{o.name}</a>
                    </td>
                    <td>
                      <Form action={`/admin/organizations/${o.slug}/accreditor`} csrf={csrf} class="inline">
                        {o.accreditorSince ? `Since ${dayFormat.format(o.accreditorSince)} ` : "No "}
                        <input type="hidden" name="accreditor" value={o.accreditorSince ? "no" : "yes"} />
                        <button type="submit" class={`small ${o.accreditorSince ? "secondary" : ""}`}>
                          {o.accreditorSince ? "End the role" : "Make accreditor"}
                          <span class="visually-hidden"> for {o.name}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>,
      );
    }),
  );

  pages.post(
    "/admin/organizations/:slug/accreditor",
    signedIn(async (c, user) => {
      const values = await readForm(c);
      const grant = values.accreditor === "yes";
      const o = await setAccreditorRole(deps, actorOf(user), pathParam(c, "slug"), grant);
      return redirectWith(
        c,
        "/admin/organizations",
        grant ? `${o.name} is now an accreditation body.` : `${o.name} is no longer an accreditation body.`,
      );
    }),
  );

  return pages;
}
