import { Hono } from "hono";
import { catalogProvider } from "../../app/catalog/catalog-provider.ts";
import { compareCatalog } from "../../app/catalog/compare-catalog.ts";
import { searchCatalog } from "../../app/catalog/search-catalog.ts";
import type { AppDeps } from "../../app/ports.ts";
import { catalogQuery, compareIds } from "../../domain/catalog/query.ts";
import type { AppEnv } from "../env.ts";
import { fieldErrors } from "../problem.ts";
import { ComparisonTable } from "./catalog-compare.tsx";
import { CatalogFilters } from "./catalog-filters.tsx";
import { GoalsPanel } from "./catalog-goal-parts.tsx";
import { catalogHref, EntryList, Pagination } from "./catalog-parts.tsx";
import { ErrorSummary } from "./forms.tsx";
import { pathParam, plural, render } from "./kit.tsx";

/** The public catalog: search and facets, the comparison, and each provider's page. */
export function catalogPages(deps: AppDeps) {
  const pages = new Hono<AppEnv>();

  pages.get("/catalog", async (c) => {
    const raw = c.req.query();
    const parsed = catalogQuery.safeParse(raw);
    const errors = parsed.success ? undefined : fieldErrors(parsed.error.issues);
    const user = c.get("user");
    const result = parsed.success ? await searchCatalog(deps, parsed.data, user?.id) : undefined;
    const url = new URL(c.req.url);
    const viewer = result?.viewer && {
      gaps: result.viewer.gaps,
      saved: result.viewer.saved,
      csrf: c.get("csrfToken"),
      back: `${url.pathname}${url.search}`,
    };
    return render(
      c,
      "Catalog",
      <section>
        <h1>Catalog</h1>
        <p class="lead">
          Every micro-credential published on this Cairn: find one by what you want to learn, then compare
          cost, time, format, level, accreditation and what it stacks toward.
        </p>
        <ErrorSummary
          errors={errors}
          message={errors ? "This search address has a value we cannot use." : undefined}
        />
        {result?.viewer ? (
          <GoalsPanel
            gaps={result.viewer.gaps}
            savedCount={result.viewer.savedCount}
            fitHref={catalogHref(raw, { sort: "fit", page: "" })}
          />
        ) : null}
        {result?.fitUnavailable ? (
          <p class="notice" role="note">
            “Fits my goals” ranks the catalog by the goals you set.{" "}
            {user ? (
              <a href="/account/goals">Set your learning goals</a>
            ) : (
              <a href="/signin?next=%2Faccount%2Fgoals">Sign in to set your learning goals</a>
            )}{" "}
            to use it. Meanwhile the results are in the usual order.
          </p>
        ) : null}
        <CatalogFilters raw={raw} result={result} errors={errors} />
        {result ? (
          <>
            <p role="status">
              {plural(result.total, "micro-credential")}
              {result.sort === "fit" ? " fit your goals" : ""}
              {result.unknownProvider ? " (no provider has that name)" : ""}
              {result.total ? ` · page ${result.page} of ${result.pages}` : ""}
            </p>
            {result.entries.length ? (
              <EntryList entries={result.entries} heading="Results" viewer={viewer} paths={result.paths} />
            ) : (
              <p class="hint">
                {result.sort === "fit"
                  ? "Nothing here teaches a skill you miss or counts toward your target pathway. "
                  : "Nothing matches. "}
                Remove a filter or <a href="/catalog">start again</a>.
              </p>
            )}
            <Pagination raw={raw} page={result.page} pages={result.pages} />
          </>
        ) : null}
      </section>,
      errors ? 400 : undefined,
      "Find, compare and choose micro-credentials.",
    );
  });

  pages.get("/catalog/compare", async (c) => {
    const parsed = compareIds.safeParse(c.req.queries("ids") ?? []);
    if (!parsed.success) {
      return render(
        c,
        "Compare",
        <section class="narrow">
          <h1>Compare micro-credentials</h1>
          <p>{parsed.error.issues[0]?.message}</p>
          <p>
            <a href="/catalog">Back to the catalog</a>
          </p>
        </section>,
        400,
      );
    }
    const entries = await compareCatalog(deps, parsed.data);
    return render(
      c,
      "Compare",
      <section>
        <p>
          <a href="/catalog">Back to the catalog</a>
        </p>
        <h1>Compare micro-credentials</h1>
        <p class="hint">
          Share this page's address to share the comparison. On a small screen the table scrolls sideways.
        </p>
        <ComparisonTable entries={entries} />
      </section>,
    );
  });

  pages.get("/catalog/providers/:slug", async (c) => {
    const p = await catalogProvider(deps, pathParam(c, "slug"));
    const o = p.organization;
    return render(
      c,
      `${o.name} · Catalog`,
      <section>
        <p>
          <a href="/catalog">Catalog</a>
        </p>
        <h1>{o.name}</h1>
        {o.description ? <p class="lead">{o.description}</p> : null}
        <dl class="facts">
          <dt>Published micro-credentials</dt>
          <dd>{p.published}</dd>
          <dt>Earned</dt>
          <dd>{plural(p.earned, "credential")} issued</dd>
          <dt>Active learners</dt>
          <dd>{p.activeLearners}</dd>
          <dt>Accreditation</dt>
          <dd>
            {p.wholeAccreditors.length
              ? `Accredited by ${p.wholeAccreditors.join(", ")}`
              : p.entries.some((e) => e.accreditedBy.length)
                ? "Some micro-credentials are accredited"
                : "No accreditation in force"}
          </dd>
        </dl>
        <p>
          DID, accreditation history and verification details:{" "}
          <a href={`/issuers/${o.slug}`}>{o.name} in the issuer registry</a>
        </p>
        <h2>Micro-credentials</h2>
        {p.entries.length ? (
          <EntryList entries={p.entries} heading={`Micro-credentials by ${o.name}`} />
        ) : (
          <p class="hint">Nothing published yet.</p>
        )}
      </section>,
    );
  });

  return pages;
}
