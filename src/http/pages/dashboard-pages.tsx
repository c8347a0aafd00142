import { Hono } from "hono";
import { EXPIRING_DAYS, getAwardDashboard } from "../../app/awards/dashboard.ts";
import type { AppDeps } from "../../app/ports.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { BarChart } from "./chart.tsx";
import { pathParam, render, signedIn } from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

export function dashboardPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();
  pages.get(
    "/orgs/:slug/awards/dashboard",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const { organization, membership, totals, perDefinition, months } = await getAwardDashboard(
        deps,
        actorOf(user),
        slug,
      );
      const figures: [string, number][] = [
        ["Issued", totals.issued],
        ["Claimed", totals.claimed],
        ["Revoked", totals.revoked],
        ["Suspended", totals.suspended],
        [`Expiring within ${EXPIRING_DAYS} days`, totals.expiring],
      ];
      return render(
        c,
        `Award dashboard · ${organization.name}`,
        <section>
          <OrganizationTabs organization={organization} memberRole={membership?.role} current="awards" />
          <div class="page-head">
            <h2>Award dashboard</h2>
            <a href={`/orgs/${slug}/awards`}>All awards</a>
          </div>
          <dl class="facts">
            {figures.map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
          <h3>Awards per month</h3>
          <BarChart
            title="Awards issued per month, last 12 months"
            unit="Awards"
            data={months.map((m) => ({
              label: monthLabel.format(new Date(`${m.month}-01T00:00:00Z`)),
              value: m.n,
            }))}
          />
          <h3>Per micro-credential</h3>
          {perDefinition.length === 0 ? (
            <p class="hint">Nothing awarded yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Awards per micro-credential</caption>
                <thead>
                  <tr>
                    <th scope="col">Micro-credential</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Claimed</th>
                    <th scope="col">Revoked</th>
                    <th scope="col">Suspended</th>
                    <th scope="col">Expiring within {EXPIRING_DAYS} days</th>
                  </tr>
                </thead>
                <tbody>
                  {perDefinition.map((d) => (
                    <tr>
                      <th scope="row">
                        <a href={`/orgs/${slug}/awards?achievement=${d.achievementId}`}>{d.name}</a>
                      </th>
                      <td>{d.issued}</td>
                      <td>{d.claimed}</td>
                      <td>{d.revoked}</td>
                      <td>{d.suspended}</td>
                      <td>{d.expiring}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>,
      );
    }),
  );
  return pages;
}
