import { atLeast, combine, NONE, type Profile, worth } from "./profiles.ts";
import type { RequirementNode } from "./requirements.ts";
import { type NodePath, pathKey, ROOT_PATH } from "./tree.ts";

/**
 * Per node: `satisfied`; `needed`, the fewest further components that would satisfy it; `credits`, what its
 * satisfied children are worth (a group passes credits up only once satisfied, so a half-done elective track
 * counts for nothing in a credits group until it is finished).
 */
export type NodeResult = { satisfied: boolean; needed: number; credits: number };

/**
 * Evaluates the tree for the components that count (componentId → the credits each brings). A missing component
 * is assumed worth its declared credits (or 0): we only promise what the pathway states.
 * Returns results keyed by dotted path, root "requirements".
 */
export function progressOf(
  tree: RequirementNode,
  counted: ReadonlyMap<string, number>,
): Map<string, NodeResult> {
  const results = new Map<string, NodeResult>();
  visit(tree, ROOT_PATH, counted, results, false);
  return results;
}

const firstFeasible = (profile: Profile) => {
  const first = profile.findIndex((value) => value > NONE);
  return first < 0 ? Infinity : first;
};

/** `flow`: the credits passed up (0 unless satisfied). `profile`: only under a credits group, see profiles.ts. */
type Visit = { needed: number; flow: number; profile: Profile | undefined };

/**
 * Outside credits groups only the cost matters: all-of adds its children's `needed`, N of M takes the N cheapest
 * (the children closest to completion). Under a credits group the cost alone is not enough, since the cheapest
 * route may not be worth enough credits, so those nodes compute full profiles.
 */
function visit(
  node: RequirementNode,
  path: NodePath,
  counted: ReadonlyMap<string, number>,
  results: Map<string, NodeResult>,
  valued: boolean,
): Visit {
  if (node.kind === "component") {
    const value = counted.get(node.componentId);
    const needed = value === undefined ? 1 : 0;
    results.set(pathKey(path), { satisfied: needed === 0, needed, credits: value ?? 0 });
    const profile = valued ? (value === undefined ? [NONE, node.credits ?? 0] : [value]) : undefined;
    return { needed, flow: value ?? 0, profile };
  }
  const childrenValued = valued || node.kind === "credits";
  const kids = node.children.map((child, i) =>
    visit(child, [...path, "children", i], counted, results, childrenValued),
  );
  const credits = kids.reduce((sum, kid) => sum + (kid.needed === 0 ? kid.flow : 0), 0);
  const profiles = () => kids.map((kid) => kid.profile ?? [NONE]);
  const costs = kids.map((kid) => kid.needed);
  let profile: Profile | undefined;
  if (node.kind === "all") profile = childrenValued ? profiles().reduce(combine, [0]) : undefined;
  else if (node.kind === "some") profile = childrenValued ? atLeast(profiles(), node.min) : undefined;
  else profile = worth(profiles(), node.min);
  const needed = profile
    ? firstFeasible(profile)
    : costs
        .sort((a, b) => a - b)
        .slice(0, node.kind === "some" ? node.min : costs.length)
        .reduce((sum, cost) => sum + cost, 0);
  results.set(pathKey(path), { satisfied: needed === 0, needed, credits });
  return { needed, flow: needed === 0 ? credits : 0, profile: valued ? profile : undefined };
}
