import type { CatalogResult } from "../../app/catalog/search-catalog.ts";
import type { FacetCount } from "../../app/ports.ts";
import { INDUSTRIES, PACING, PARTICIPATION_FORMS } from "../../domain/achievements/definition.ts";
import { languageText, wordFor } from "../../domain/catalog/offer-text.ts";
import { COST_BANDS, DURATION_BANDS, HOURS_BANDS, SORTS } from "../../domain/catalog/query.ts";
import { Field, type FormErrors, SelectField } from "./forms.tsx";

/** The catalog's URL parameters as given (strings), to fill the form and build links. */
export type RawQuery = Record<string, string>;
type Option = readonly [string, string];

/**
 * A facet's options: with counts, the values that occur (and the chosen one even when it no longer does);
 * without counts (too many rows to count cheaply), every known value.
 */
function facetOptions(
  known: readonly string[],
  counts: FacetCount[] | undefined,
  current: string | undefined,
  label: (value: string) => string,
): Option[] {
  const all: Option = ["", "Any"];
  if (!counts) return [all, ...known.map((v) => [v, label(v)] as const)];
  const shown = counts.filter((c) => c.n > 0);
  const values = shown.map((c) => [c.value, `${label(c.value)} (${c.n})`] as const);
  if (current && !shown.some((c) => c.value === current)) values.push([current, `${label(current)} (0)`]);
  return [all, ...values];
}

const bandLabels = (set: Record<string, { label: string }>) => (v: string) => set[v]?.label ?? v;

export function CatalogFilters(props: {
  raw: RawQuery;
  result: CatalogResult | undefined;
  errors: FormErrors;
}) {
  const { raw, result, errors } = props;
  const f = result?.facets;
  const pathwayName = (id: string) => result?.pathways.find((p) => p.id === id)?.name ?? id;
  const slugOf = (id: string) => result?.providers.find((p) => p.id === id)?.slug ?? id;
  const providerCounts = f?.provider.map((c) => ({ value: slugOf(c.value), n: c.n }));
  const nameBySlug = (slug: string) => result?.providers.find((p) => p.slug === slug)?.name ?? slug;
  return (
    <search>
      <form method="get" action="/catalog" class="catalog-filters">
        <div class="field-row">
          <Field
            name="q"
            label="Search names, descriptions, outcomes and skills"
            type="search"
            value={raw.q}
            errors={errors}
            maxlength={200}
          />
          <SelectField
            name="sort"
            label="Sort by"
            options={Object.entries(SORTS).filter(([key]) => key !== "fit" || result?.viewer?.gaps)}
            value={result?.sort ?? (raw.sort || (raw.q ? "relevance" : "newest"))}
            errors={errors}
          />
        </div>
        <fieldset>
          <legend>Filters</legend>
          <div class="field-row">
            {f ? (
              <SelectField
                name="skill"
                label="Skill"
                options={facetOptions([], f.skill, raw.skill?.toLowerCase(), (v) => v)}
                value={raw.skill?.toLowerCase()}
                errors={errors}
              />
            ) : (
              <Field name="skill" label="Skill" value={raw.skill} errors={errors} />
            )}
            <SelectField
              name="industry"
              label="Industry"
              options={facetOptions(INDUSTRIES, f?.industry, raw.industry, (v) => wordFor(v))}
              value={raw.industry}
              errors={errors}
            />
            <SelectField
              name="provider"
              label="Provider"
              options={facetOptions(
                result?.providers.map((p) => p.slug) ?? [],
                providerCounts,
                raw.provider,
                nameBySlug,
              )}
              value={raw.provider}
              errors={errors}
            />
            <SelectField
              name="level"
              label="EQF level"
              options={facetOptions(
                ["1", "2", "3", "4", "5", "6", "7", "8"],
                f?.level,
                raw.level,
                (v) => `Level ${v}`,
              )}
              value={raw.level}
              errors={errors}
            />
            <SelectField
              name="cost"
              label="Cost"
              options={facetOptions(Object.keys(COST_BANDS), f?.cost, raw.cost, bandLabels(COST_BANDS))}
              value={raw.cost}
              errors={errors}
            />
            <SelectField
              name="duration"
              label="Duration"
              options={facetOptions(
                Object.keys(DURATION_BANDS),
                f?.duration,
                raw.duration,
                bandLabels(DURATION_BANDS),
              )}
              value={raw.duration}
              errors={errors}
            />
            <SelectField
              name="hours"
              label="Hours per week"
              options={facetOptions(Object.keys(HOURS_BANDS), f?.hours, raw.hours, bandLabels(HOURS_BANDS))}
              value={raw.hours}
              errors={errors}
            />
            <SelectField
              name="delivery"
              label="Delivery"
              options={facetOptions(PARTICIPATION_FORMS, f?.delivery, raw.delivery, (v) => wordFor(v))}
              value={raw.delivery}
              errors={errors}
            />
            <SelectField
              name="pacing"
              label="Pace"
              options={facetOptions(PACING, f?.pacing, raw.pacing, (v) => wordFor(v))}
              value={raw.pacing}
              errors={errors}
            />
            <SelectField
              name="language"
              label="Language"
              options={facetOptions([], f?.language, raw.language, languageText)}
              value={raw.language}
              errors={errors}
            />
            <SelectField
              name="pathway"
              label="Stacks toward"
              options={facetOptions(
                result?.pathways.map((p) => p.id) ?? [],
                f?.pathway,
                raw.pathway,
                pathwayName,
              )}
              value={raw.pathway}
              errors={errors}
            />
          </div>
          <label class="checkbox">
            <input type="checkbox" name="accredited" value="yes" checked={raw.accredited === "yes"} />
            Accredited only (the provider or the micro-credential holds an accreditation in force)
            {f ? ` (${f.accredited})` : ""}
          </label>
        </fieldset>
        <p>
          <button type="submit">Search</button> <a href="/catalog">Clear all</a>
        </p>
      </form>
    </search>
  );
}
