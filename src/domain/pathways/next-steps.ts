import type { PathwayEvaluation } from "./evaluate.ts";
import { progressOf } from "./needed.ts";
import type { RequirementNode } from "./requirements.ts";
import { componentsOf, pathKey, ROOT_PATH, type VisitedComponent } from "./tree.ts";

export type NextStep = {
  componentId: string;
  achievementId: string;
  issuer?: string | undefined;
  label: string;
  /** Dotted path of the component, as in `evaluation.nodes`. */
  path: string;
  /** By how much earning this component alone lowers `progress.needed` (at least 1). */
  reduces: number;
};

/**
 * The missing components worth earning next: each one that, earned alone, lowers `needed`, most first, ties in
 * tree order. A component that would not bring the pathway closer (an extra elective in a group already done, a
 * 5-credit course where only a 10-credit one closes the gap alone) is left out.
 *
 * Order constraints: a component never comes before a recommended component it must follow; that predecessor is
 * moved up to just before it, so the best step shows with what it takes. A predecessor that is not worth earning
 * is not recommended for its own sake: the order only matters once both are held.
 */
export function recommendNext(tree: RequirementNode, evaluation: PathwayEvaluation): NextStep[] {
  const needed = evaluation.progress.needed;
  if (evaluation.complete || !Number.isFinite(needed)) return [];
  const components = componentsOf(tree);
  const counted = new Map(
    components
      .filter((c) => evaluation.heldBy[c.node.componentId] !== undefined)
      .map((c) => [c.node.componentId, evaluation.nodes[pathKey(c.path)]?.credits ?? 0]),
  );
  const ranked = components
    .filter((c) => !counted.has(c.node.componentId))
    .map((c) => {
      const trial = new Map(counted).set(c.node.componentId, c.node.credits ?? 0);
      const after = progressOf(tree, trial).get(pathKey(ROOT_PATH))?.needed ?? needed;
      return { component: c, reduces: needed - after };
    })
    .filter((step) => step.reduces > 0)
    .sort((a, b) => b.reduces - a.reduces || a.component.index - b.component.index);

  const rank = new Map(ranked.map((step, i) => [step.component.node.componentId, i]));
  const steps: NextStep[] = [];
  const placed = new Set<string>();
  const place = (i: number) => {
    const step = ranked[i];
    if (!step || placed.has(step.component.node.componentId)) return;
    placed.add(step.component.node.componentId);
    const first = (evaluation.waitingOn[step.component.node.componentId] ?? [])
      .flatMap((id) => rank.get(id) ?? [])
      .sort((a, b) => a - b);
    for (const j of first) place(j);
    steps.push(toStep(step.component, step.reduces));
  };
  ranked.forEach((_, i) => {
    place(i);
  });
  return steps;
}

const toStep = ({ node, path }: VisitedComponent, reduces: number): NextStep => ({
  componentId: node.componentId,
  achievementId: node.achievementId,
  ...(node.issuer === undefined ? {} : { issuer: node.issuer }),
  label: node.label,
  path: pathKey(path),
  reduces,
});
