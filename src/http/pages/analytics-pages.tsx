import { Hono } from "hono";
import { getIssuerAnalytics, issuerAnalyticsCsv } from "../../app/analytics/issuer-analytics.ts";
import type { AppDeps } from "../../app/ports.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { BarChart } from "./chart.tsx";
import { SelectField } from "./forms.tsx";
import { attachmentHeaders, pathParam, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });
const label = (month: string) => monthLabel.format(new Date(`${month}-01T00:00:00Z`));
const SERIES = [
  ["verifications", "Verifications", "Times anyone verified one of these credentials on this Cairn"],
  ["shares", "Shares", "Public pages and links learners created"],
  ["claims", "Claims", "Credentials learners claimed into their wallets"],
] as const;

/** Issuers' analytics: verifications, shares and claims of their credentials over time, with the numbers as CSV. */
export function analyticsPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get(
    "/orgs/:slug/analytics",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const a = await getIssuerAnalytics(deps, actorOf(user), slug, c.req.query("achievement"));
      const scope = a.selected ? `"${a.selected.name}"` : "all micro-credentials";
      return render(
        c,
        `Analytics · ${a.organization.name}`,
        <section>
          <OrganizationTabs
            organization={a.organization}
            memberRole={a.membership?.role}
            current="analytics"
          />
          <div class="page-head">
            <h2>Analytics</h2>
            <a href={`/orgs/${slug}/analytics.csv`}>Download the numbers (CSV)</a>
          </div>
          <form
            method="get"
            action={`/orgs/${slug}/analytics`}
            class="filters"
            aria-label="Choose a micro-credential"
          >
            <SelectField
              name="achievement"
              label="Micro-credential"
              options={[["", "All micro-credentials"], ...a.achievements.map((d) => [d.id, d.name] as const)]}
              value={a.selected?.id ?? ""}
              errors={undefined}
            />
            <button type="submit" class="small secondary">
              Show
            </button>
          </form>
          {SERIES.map(([key, title, hint]) => (
            <>
              <h3>{title}</h3>
              <p class="hint">{hint}.</p>
              <BarChart
                title={`${title} per month, last 12 months, ${scope}`}
                unit={title}
                data={a.months.map((m) => ({ label: label(m.month), value: m[key] }))}
              />
            </>
          ))}
          <h3>Per micro-credential, last 12 months</h3>
          {a.perCredential.length === 0 ? (
            <p class="hint">No verification, share or claim yet.</p>
          ) : (
            <section class="table-wrap" aria-label="Engagement per micro-credential" tabindex={0}>
              <table>
                <caption class="visually-hidden">Engagement per micro-credential</caption>
                <thead>
                  <tr>
                    <th scope="col">Micro-credential</th>
                    <th scope="col">Verifications</th>
                    <th scope="col">Shares</th>
                    <th scope="col">Claims</th>
                  </tr>
                </thead>
                <tbody>
                  {a.perCredential.map((row) => (
                    <tr>
                      <th scope="row">
                        <a href={`/orgs/${slug}/analytics?achievement=${row.achievementId}`}>{row.name}</a>
                      </th>
                      <td>{row.verifications}</td>
                      <td>{row.shares}</td>
                      <td>{row.claims}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </section>,
      );
    }),
  );

  pages.get(
    "/orgs/:slug/analytics.csv",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const csv = await issuerAnalyticsCsv(deps, actorOf(user), slug);
      return c.body(csv, 200, attachmentHeaders(`${slug}-analytics.csv`, "text/csv; charset=utf-8"));
    }),
  );

  return pages;
}
