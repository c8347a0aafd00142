import type { CatalogPath } from "../../app/catalog/catalog-paths.ts";
import type { CatalogEntry } from "../../app/ports.ts";
import {
  costText,
  deliveryText,
  durationText,
  languageText,
  wordFor,
} from "../../domain/catalog/offer-text.ts";
import { EnrolAction, EnrolForms } from "./catalog-enrol-parts.tsx";
import type { RawQuery } from "./catalog-filters.tsx";
import { type CardViewer, FitLine, SaveButton, SaveForms } from "./catalog-goal-parts.tsx";

export type ListedEntry = CatalogEntry & { accreditedBy: string[] };

/** A catalog link keeping the current filters, with some parameters changed ("" removes one). */
export function catalogHref(raw: RawQuery, changes: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...raw, ...changes })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/catalog?${query}` : "/catalog";
}

function EntryCard({
  entry: e,
  viewer,
  path,
}: {
  entry: ListedEntry;
  viewer: CardViewer | undefined;
  path: CatalogPath | undefined;
}) {
  return (
    <li class="card catalog-card">
      <h3>
        <a href={`/achievements/${e.achievementId}`}>{e.name}</a>
      </h3>
      <p class="hint">
        by <a href={`/catalog/providers/${e.organizationSlug}`}>{e.organizationName}</a>
        {e.accreditedBy.length ? (
          <>
            {" "}
            · <span class="tag ok">Accredited</span>
          </>
        ) : null}
      </p>
      <ul class="plain catalog-facts">
        <li>Duration: {durationText(e.durationWeeks, e.hoursPerWeek)}</li>
        <li>Cost: {costText(e.cost, e.currency)}</li>
        <li>Delivery: {deliveryText(e.delivery, e.pacing)}</li>
        <li>
          {[
            e.eqfLevel !== null ? `EQF ${e.eqfLevel}` : "",
            e.language ? languageText(e.language) : "",
            e.industry ? wordFor(e.industry) : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </li>
        <li>
          Earned {e.earned} time{e.earned === 1 ? "" : "s"}
        </li>
      </ul>
      {e.skills.length ? (
        <p class="catalog-skills">
          Skills:{" "}
          {e.skills.slice(0, 6).map((s, i) => (
            <>
              {i ? ", " : ""}
              <a href={`/catalog?skill=${encodeURIComponent(s)}`}>{s}</a>
            </>
          ))}
        </p>
      ) : null}
      {viewer ? <FitLine viewer={viewer} achievementId={e.achievementId} skills={e.skills} /> : null}
      <label class="checkbox">
        <input type="checkbox" name="ids" value={e.achievementId} />
        Compare <span class="visually-hidden">{e.name}</span>
      </label>
      <EnrolAction path={path} achievementId={e.achievementId} name={e.name} signedIn={!!viewer} />
      {viewer ? <SaveButton viewer={viewer} achievementId={e.achievementId} name={e.name} /> : null}
    </li>
  );
}

/**
 * Catalog entries as cards, inside a GET form whose ticked boxes open the comparison (no script needed); for a
 * signed-in learner, with how each fits their goals and a Save button.
 */
export function EntryList(props: {
  entries: ListedEntry[];
  heading: string;
  viewer?: CardViewer | undefined;
  /** Learning paths of the entries, by achievement id (absent where a page does not offer enrolment). */
  paths?: Record<string, CatalogPath> | undefined;
}) {
  const paths = props.paths ?? {};
  return (
    <>
      <form method="get" action="/catalog/compare">
        <h2 class="visually-hidden">{props.heading}</h2>
        <ul class="cards catalog-cards">
          {props.entries.map((entry) => (
            <EntryCard entry={entry} viewer={props.viewer} path={paths[entry.achievementId]} />
          ))}
        </ul>
        <p>
          <button type="submit">Compare selected</button>{" "}
          <span class="hint">Tick two to four micro-credentials to see them side by side.</span>
        </p>
      </form>
      {props.viewer ? (
        <>
          <SaveForms viewer={props.viewer} ids={props.entries.map((e) => e.achievementId)} />
          <EnrolForms paths={paths} csrf={props.viewer.csrf} />
        </>
      ) : null}
    </>
  );
}

export function Pagination(props: { raw: RawQuery; page: number; pages: number }) {
  const { raw, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of results" class="pagination">
      {page > 1 ? (
        <a href={catalogHref(raw, { page: page === 2 ? "" : String(page - 1) })} rel="prev">
          Previous page
        </a>
      ) : null}{" "}
      <span aria-current="page">
        Page {page} of {pages}
      </span>{" "}
      {page < pages ? (
        <a href={catalogHref(raw, { page: String(page + 1) })} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}
