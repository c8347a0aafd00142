import type { ComponentNode, RequirementNode } from "./requirements.ts";

/** A path into a pathway, as zod reports it: `["requirements", "children", 2, "min"]`. */
export type NodePath = readonly (string | number)[];

export type VisitedNode = { node: RequirementNode; path: NodePath; depth: number };
export type VisitedComponent = { node: ComponentNode; path: NodePath; index: number };

/** The root's path. Evaluation results and validation messages use the same keys, so a page can show both. */
export const ROOT_PATH: NodePath = ["requirements"];

export const pathKey = (path: NodePath): string => path.join(".");

/** Every node in tree order (pre-order, children left to right); the root has depth 1. */
export function nodesOf(tree: RequirementNode, path: NodePath = ROOT_PATH, depth = 1): VisitedNode[] {
  const here: VisitedNode = { node: tree, path, depth };
  if (tree.kind === "component") return [here];
  return [here, ...tree.children.flatMap((child, i) => nodesOf(child, [...path, "children", i], depth + 1))];
}

/** Every component in tree order; `index` is the tie-breaker wherever the rules say "tree order". */
export function componentsOf(tree: RequirementNode): VisitedComponent[] {
  const found: VisitedComponent[] = [];
  for (const { node, path } of nodesOf(tree)) {
    if (node.kind === "component") found.push({ node, path, index: found.length });
  }
  return found;
}

/**
 * The identity a component or credential is matched on. An absent issuer means "this organization" and equals
 * only another absent issuer: an outside issuer that reuses one of our achievement ids never counts as us.
 */
export const identityKey = (achievementId: string, issuer: string | undefined): string =>
  JSON.stringify([achievementId, issuer ?? null]);

/** Credits a component is worth when everything under it is earned, using declared credits only. */
export function declaredCredits(node: RequirementNode): number {
  if (node.kind === "component") return node.credits ?? 0;
  return node.children.reduce((sum, child) => sum + declaredCredits(child), 0);
}

/** Credit sums are decimal (2.5 ECTS): compare with a tolerance so 0.1 + 0.2 reaches 0.3. */
export const reaches = (total: number, min: number): boolean => total >= min - 1e-9;
