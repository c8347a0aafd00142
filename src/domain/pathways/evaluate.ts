import { type Assignment, assignCredentials, type Equivalence, type HeldCredential } from "./assign.ts";
import { type NodeResult, progressOf } from "./needed.ts";
import type { PathwayOptions, RequirementNode } from "./requirements.ts";
import { componentsOf, pathKey, ROOT_PATH, type VisitedComponent } from "./tree.ts";

export type { Equivalence, HeldCredential } from "./assign.ts";
export type { NodeResult } from "./needed.ts";

export type Violation =
  | { kind: "order"; beforeComponentId: string; afterComponentId: string; message: string }
  | { kind: "too_old"; componentId: string; credentialId: string; earnedAt: Date; message: string };

export type PathwayEvaluation = {
  complete: boolean;
  /** By dotted path, root "requirements" (the keys validation messages use). */
  nodes: Record<string, NodeResult>;
  /** Component ids that count, in tree order. */
  componentsHeld: string[];
  /** Component ids that do not count (never earned, too old, or earned out of order), in tree order. */
  componentsMissing: string[];
  /** Credits of every component that counts. */
  creditsEarned: number;
  /** `done`: components that count; `needed`: the fewest further components that complete the pathway. */
  progress: { done: number; needed: number };
  /** The credentials the result rests on, in tree order: the stacked credential's evidence. */
  usedCredentials: string[];
  /** componentId → the credential that makes it count. */
  heldBy: Record<string, string>;
  /** Missing componentId → missing components that must be earned before it (from the pathway's order). */
  waitingOn: Record<string, string[]>;
  violations: Violation[];
};

/**
 * Where a learner stands on a pathway at `now`. Expects a tree that passed `pathwaySchema` and credentials the
 * caller has verified; `valid: false` ones are ignored.
 *
 * - A credential satisfies at most one component (see assignCredentials for which).
 * - With `maxAgeMonths`, a credential earned before that many calendar months ago does not count.
 * - Order [A, B]: when both count and A was earned after B, B does not count. Not transitive: B's credential
 *   still dates B for the orders after it, so one late credential invalidates only its direct successors.
 */
export function evaluatePathway(
  tree: RequirementNode,
  options: PathwayOptions,
  held: readonly HeldCredential[],
  now: Date,
  equivalences: readonly Equivalence[] = [],
): PathwayEvaluation {
  const { evaluation, assignedCredentials } = evaluateOnce(tree, options, held, now, equivalences);
  if (!evaluation.complete) return evaluation;
  // The evidence must stand on its own: whoever re-evaluates the stacked credential from usedCredentials alone
  // must find it complete. It does, except when a recognition was contested by a component that ended up not
  // contributing; then the evidence is every credential assigned, which reproduces this very assignment.
  const evidence = new Set(evaluation.usedCredentials);
  const alone = evaluateOnce(
    tree,
    options,
    held.filter((h) => evidence.has(h.credentialId)),
    now,
    equivalences,
  );
  return alone.evaluation.complete ? evaluation : { ...evaluation, usedCredentials: assignedCredentials };
}

function evaluateOnce(
  tree: RequirementNode,
  options: PathwayOptions,
  held: readonly HeldCredential[],
  now: Date,
  equivalences: readonly Equivalence[],
): { evaluation: PathwayEvaluation; assignedCredentials: string[] } {
  const components = componentsOf(tree);
  const { assigned, stale } = assignCredentials(components, held, equivalences, options, now);
  const violations: Violation[] = [];
  const outOfOrder = new Set<string>();
  for (const [before, after] of options.order ?? []) {
    const first = assigned.get(before);
    const second = assigned.get(after);
    if (!first || !second || first.credential.earnedAt.getTime() <= second.credential.earnedAt.getTime())
      continue;
    outOfOrder.add(after);
    violations.push({
      kind: "order",
      beforeComponentId: before,
      afterComponentId: after,
      message: `${labelOf(components, after)} was earned before ${labelOf(components, before)}; it counts only when earned after it.`,
    });
  }
  const counts = new Map<string, Assignment>(
    [...assigned].filter(([componentId]) => !outOfOrder.has(componentId)),
  );
  for (const { node } of components) {
    const old = stale.get(node.componentId);
    if (!old) continue;
    violations.push({
      kind: "too_old",
      componentId: node.componentId,
      credentialId: old.credentialId,
      earnedAt: old.earnedAt,
      message: `${node.label} was earned on ${old.earnedAt.toISOString().slice(0, 10)}, more than ${options.maxAgeMonths} months ago.`,
    });
  }

  const results = progressOf(tree, new Map([...counts].map(([id, a]) => [id, a.credits])));
  const root = results.get(pathKey(ROOT_PATH));
  const counting = components.filter((c) => counts.has(c.node.componentId));
  const missing = components.filter((c) => !counts.has(c.node.componentId)).map((c) => c.node.componentId);
  const missingSet = new Set(missing);
  const waitingOn: Record<string, string[]> = {};
  for (const [before, after] of options.order ?? []) {
    if (missingSet.has(before) && missingSet.has(after))
      waitingOn[after] = [...(waitingOn[after] ?? []), before];
  }
  const evaluation: PathwayEvaluation = {
    complete: root?.satisfied ?? false,
    nodes: Object.fromEntries(results),
    componentsHeld: counting.map((c) => c.node.componentId),
    componentsMissing: missing,
    creditsEarned: counting.reduce((sum, c) => sum + (counts.get(c.node.componentId)?.credits ?? 0), 0),
    progress: { done: counting.length, needed: root?.needed ?? Infinity },
    usedCredentials: contributing(tree, results, ROOT_PATH).flatMap((id) => {
      const credential = counts.get(id)?.credential.credentialId;
      return credential ? [credential] : [];
    }),
    heldBy: Object.fromEntries([...counts].map(([id, a]) => [id, a.credential.credentialId])),
    waitingOn,
    violations,
  };
  const assignedCredentials = components.flatMap(
    (c) => assigned.get(c.node.componentId)?.credential.credentialId ?? [],
  );
  return { evaluation, assignedCredentials };
}

/**
 * Components whose credits flow to the root: everything under an all-of group, but under an N-of-M or credits
 * group only the satisfied children. An unfinished alternative track is not evidence for the pathway.
 */
function contributing(
  node: RequirementNode,
  results: ReadonlyMap<string, NodeResult>,
  path: readonly (string | number)[],
): string[] {
  if (node.kind === "component") return results.get(pathKey(path))?.satisfied ? [node.componentId] : [];
  return node.children.flatMap((child, i) => {
    const childPath = [...path, "children", i];
    if (node.kind !== "all" && !results.get(pathKey(childPath))?.satisfied) return [];
    return contributing(child, results, childPath);
  });
}

const labelOf = (components: readonly VisitedComponent[], id: string) =>
  components.find((c) => c.node.componentId === id)?.node.label ?? id;
