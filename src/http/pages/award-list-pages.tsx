import { Hono } from "hono";
import { STATUS_LABELS } from "../../app/awards/lifecycle/award-view.ts";
import { changeAwardStatus } from "../../app/awards/lifecycle/change-award-status.ts";
import { type AwardListQuery, awardListQuery, statusChangeInput } from "../../app/awards/lifecycle/inputs.ts";
import { exportAwardsCsv, listAwards } from "../../app/awards/lifecycle/list-awards.ts";
import type { AppDeps } from "../../app/ports.ts";
import { roleAllows } from "../../domain/roles.ts";
import type { User } from "../../domain/types.ts";
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

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const ACTIONS = [
  ["revoke", "Revoke"],
  ["suspend", "Suspend"],
  ["unsuspend", "Unsuspend"],
] as const;

const queryString = (q: AwardListQuery, page?: number) => {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.achievement) params.set("achievement", q.achievement);
  if (q.status) params.set("status", q.status);
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
};

export function awardListPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  const listPage = async (
    c: PageContext,
    user: User,
    query: AwardListQuery,
    errors?: FormErrors,
    message?: string,
  ) => {
    const slug = pathParam(c, "slug");
    const found = await listAwards(deps, actorOf(user), slug, query);
    const { organization, membership, awards, definitions, page } = found;
    const canIssue = !!membership && roleAllows(membership.role, "credentials:issue");
    const base = `/orgs/${slug}/awards`;
    return render(
      c,
      `Awards · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="awards" />
        <div class="page-head">
          <h2>Awards</h2>
          <p>
            <a href={`${base}/dashboard`}>Dashboard</a> ·{" "}
            <a href={`/orgs/${slug}/awards.csv${queryString(query)}`}>Download these awards as CSV</a>
          </p>
        </div>
        <ErrorSummary errors={errors} message={message} />
        <form method="get" action={base} class="filters" aria-label="Search and filter awards">
          <Field name="q" label="Recipient or name" type="search" value={query.q} errors={undefined} />
          <SelectField
            name="achievement"
            label="Micro-credential"
            options={[["", "All micro-credentials"], ...definitions.map((d) => [d.id, d.name] as const)]}
            value={query.achievement ?? ""}
            errors={undefined}
          />
          <SelectField
            name="status"
            label="Status"
            options={[["", "Any status"], ...Object.entries(STATUS_LABELS)]}
            value={query.status ?? ""}
            errors={undefined}
          />
          <button type="submit">Search</button>
        </form>
        {awards.length === 0 ? (
          <p class="hint">No awards match.</p>
        ) : (
          <Form action={`${base}/bulk`} csrf={c.get("csrfToken")}>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  Awards of {organization.name}, page {page}
                </caption>
                <thead>
                  <tr>
                    {canIssue ? <th scope="col">Select</th> : null}
                    <th scope="col">Recipient</th>
                    <th scope="col">Micro-credential</th>
                    <th scope="col">Status</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Valid until</th>
                    <th scope="col">Claimed</th>
                  </tr>
                </thead>
                <tbody>
                  {awards.map((a) => (
                    <tr>
                      {canIssue ? (
                        <td>
                          <input type="checkbox" id={`select-${a.id}`} name="awardIds" value={a.id} />
                          <label class="visually-hidden" for={`select-${a.id}`}>
                            Select the award to {a.recipientName ?? a.recipient}
                          </label>
                        </td>
                      ) : null}
                      <th scope="row">
                        <a href={`${base}/${a.id}`}>{a.recipientName ?? a.recipient}</a>
                        {a.recipientName ? <span class="hint"> {a.recipient}</span> : null}
                      </th>
                      <td>{a.achievementName}</td>
                      <td>
                        <span class={a.status === "active" ? "tag ok" : "tag warn"}>
                          {STATUS_LABELS[a.status]}
                        </span>
                        {a.expired ? <span class="tag warn">Expired</span> : null}
                      </td>
                      <td>{day(a.issuedAt)}</td>
                      <td>{day(a.validUntil)}</td>
                      <td>{a.claimedAt ? day(a.claimedAt) : "Not yet"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canIssue ? (
              <fieldset>
                <legend>Change the selected awards</legend>
                <SelectField name="action" label="Action" options={ACTIONS} value="revoke" errors={errors} />
                <Field
                  name="reason"
                  label="Reason"
                  hint="Verifiers see this reason."
                  errors={errors}
                  maxlength={500}
                />
                <button type="submit">Apply to selected awards</button>
              </fieldset>
            ) : null}
          </Form>
        )}
        <nav aria-label="Pages of awards" class="pager">
          {page > 1 ? <a href={`${base}${queryString(query, page - 1)}`}>Previous page</a> : null}{" "}
          <span>Page {page}</span>{" "}
          {found.hasNext ? <a href={`${base}${queryString(query, page + 1)}`}>Next page</a> : null}
        </nav>
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/awards",
    signedIn((c, user) => listPage(c, user, awardListQuery.parse(c.req.query()))),
  );

  pages.get(
    "/orgs/:slug/awards.csv",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { csv } = await exportAwardsCsv(deps, actorOf(user), slug, awardListQuery.parse(c.req.query()));
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-awards.csv"`,
      });
    }),
  );

  pages.post(
    "/orgs/:slug/awards/bulk",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      try {
        const change = parseForm(statusChangeInput, values);
        const { awards } = await changeAwardStatus(deps, actorOf(user), slug, change);
        return redirectWith(c, `/orgs/${slug}/awards`, `${awards.length} award(s) changed.`);
      } catch (error) {
        return formFailure(c, error, (errors, message) => listPage(c, user, {}, errors, message));
      }
    }),
  );
  return pages;
}
