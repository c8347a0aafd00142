import type { ComponentNode, Pathway, RequirementNode } from "../../domain/pathways/requirements.ts";
import { type FormValues, fieldText } from "./forms.tsx";

// The pathway editor's form: a top rule over up to GROUPS groups, each a rule over up to COMPONENTS components, plus
// order rows. Deeper trees are accepted through the stored pathway as JSON; the form covers what registrars ask for.
export const GROUPS = 4;
export const COMPONENTS = 6;
export const ORDER_ROWS = 3;
export type Rule = "all" | "some" | "credits";

const rule = (value: string): Rule => (value === "some" || value === "credits" ? value : "all");
const node = (
  kind: Rule,
  min: number,
  label: string | undefined,
  children: RequirementNode[],
): RequirementNode =>
  kind === "all"
    ? { kind, ...(label ? { label } : {}), children }
    : { kind, min, ...(label ? { label } : {}), children };
const numberOr = (text: string, fallback: number) => (text.trim() === "" ? fallback : Number(text));

/** The posted form as a pathway; the schema then checks it, with messages keyed by the same paths. */
export function pathwayFromForm(values: FormValues, names: ReadonlyMap<string, string>): unknown {
  const groups: RequirementNode[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const components: ComponentNode[] = [];
    for (let c = 0; c < COMPONENTS; c++) {
      const achievementId = fieldText(values, `g${g}c${c}Achievement`).trim();
      if (!achievementId) continue;
      const issuer = fieldText(values, `g${g}c${c}Issuer`).trim();
      const credits = fieldText(values, `g${g}c${c}Credits`).trim();
      components.push({
        kind: "component",
        componentId: `g${g + 1}c${c + 1}`,
        achievementId,
        ...(issuer ? { issuer } : {}),
        ...(credits ? { credits: Number(credits) } : {}),
        label: fieldText(values, `g${g}c${c}Label`).trim() || names.get(achievementId) || achievementId,
      });
    }
    if (components.length === 0) continue;
    const label = fieldText(values, `g${g}Label`).trim() || undefined;
    const kind = rule(fieldText(values, `g${g}Rule`));
    groups.push(node(kind, numberOr(fieldText(values, `g${g}Min`), components.length), label, components));
  }
  const top = rule(fieldText(values, "rootRule"));
  const requirements = node(top, numberOr(fieldText(values, "rootMin"), groups.length), undefined, groups);
  const order: [string, string][] = [];
  for (let o = 0; o < ORDER_ROWS; o++) {
    const before = fieldText(values, `order${o}Before`);
    const after = fieldText(values, `order${o}After`);
    if (before && after) order.push([before, after]);
  }
  const maxAge = fieldText(values, "maxAgeMonths").trim();
  return {
    requirements,
    ...(order.length ? { order } : {}),
    ...(maxAge ? { maxAgeMonths: Number(maxAge) } : {}),
  };
}

/** A stored pathway as form values, so the editor shows what is saved. */
export function formFromPathway(pathway: Pathway | undefined): FormValues {
  const values: FormValues = { rootRule: "all" };
  if (!pathway) return values;
  const root = pathway.requirements;
  if (root.kind === "component") return values;
  values.rootRule = root.kind;
  if (root.kind !== "all") values.rootMin = String(root.min);
  root.children.slice(0, GROUPS).forEach((group, g) => {
    if (group.kind === "component") return;
    values[`g${g}Label`] = group.label ?? "";
    values[`g${g}Rule`] = group.kind;
    if (group.kind !== "all") values[`g${g}Min`] = String(group.min);
    group.children.slice(0, COMPONENTS).forEach((component, c) => {
      if (component.kind !== "component") return;
      values[`g${g}c${c}Achievement`] = component.achievementId;
      values[`g${g}c${c}Issuer`] = component.issuer ?? "";
      values[`g${g}c${c}Credits`] = component.credits === undefined ? "" : String(component.credits);
      values[`g${g}c${c}Label`] = component.label;
    });
  });
  (pathway.order ?? []).slice(0, ORDER_ROWS).forEach(([before, after], o) => {
    values[`order${o}Before`] = before;
    values[`order${o}After`] = after;
  });
  if (pathway.maxAgeMonths !== undefined) values.maxAgeMonths = String(pathway.maxAgeMonths);
  return values;
}
