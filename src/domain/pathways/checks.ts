import { MAX_COMPONENTS } from "./limits.ts";
import type { Pathway } from "./requirements.ts";
import { componentsOf, declaredCredits, identityKey, nodesOf, pathKey, ROOT_PATH, reaches } from "./tree.ts";

export type PathwayProblem = { path: (string | number)[]; message: string };

/** The whole-tree rules a per-node schema cannot see. Expects a tree whose shape already parsed. */
export function pathwayProblems(pathway: Pathway): PathwayProblem[] {
  const components = componentsOf(pathway.requirements);
  if (components.length > MAX_COMPONENTS) {
    const message = `Use at most ${MAX_COMPONENTS} components; this pathway lists ${components.length}.`;
    return [{ path: [...ROOT_PATH], message }];
  }
  return [...duplicateProblems(pathway), ...creditProblems(pathway), ...orderProblems(pathway)];
}

/**
 * Component ids must be unique, and so must achievements: a credential counts for one component only, so an
 * achievement listed twice could only be completed by earning it twice, which is never what the author means.
 * Shared courses are written once, above the alternatives (all of: shared, some of: track A, track B).
 */
function duplicateProblems(pathway: Pathway): PathwayProblem[] {
  const problems: PathwayProblem[] = [];
  const ids = new Map<string, string>();
  const achievements = new Map<string, string>();
  for (const { node, path } of componentsOf(pathway.requirements)) {
    const seenId = ids.get(node.componentId);
    if (seenId === undefined) ids.set(node.componentId, pathKey(path));
    else problems.push({ path: [...path, "componentId"], message: `The id is already used at ${seenId}.` });
    const identity = identityKey(node.achievementId, node.issuer);
    const seenAchievement = achievements.get(identity);
    if (seenAchievement === undefined) achievements.set(identity, node.componentId);
    else {
      const message = `This achievement is already component "${seenAchievement}"; list each achievement once.`;
      problems.push({ path: [...path, "achievementId"], message });
    }
  }
  return problems;
}

/** A credits group must be reachable with the credits its components declare, or no learner could finish it. */
function creditProblems(pathway: Pathway): PathwayProblem[] {
  const problems: PathwayProblem[] = [];
  for (const { node, path } of nodesOf(pathway.requirements)) {
    if (node.kind !== "credits") continue;
    const available = declaredCredits(node);
    if (!reaches(available, node.min)) {
      const message = `Its requirements are worth ${available} credits in all; ask for at most that, or give components their credits.`;
      problems.push({ path: [...path, "min"], message });
    }
  }
  return problems;
}

/** Orders name known components, never a component before itself, and never close a cycle. */
function orderProblems(pathway: Pathway): PathwayProblem[] {
  const known = new Set(componentsOf(pathway.requirements).map((c) => c.node.componentId));
  const after = new Map<string, string[]>();
  const problems: PathwayProblem[] = [];
  (pathway.order ?? []).forEach(([before, later], i) => {
    const unknown = [before, later].flatMap((id, side) =>
      known.has(id) ? [] : [{ path: ["order", i, side], message: `No component has the id "${id}".` }],
    );
    if (unknown.length > 0) {
      problems.push(...unknown);
      return;
    }
    if (before === later) {
      problems.push({ path: ["order", i], message: "A component cannot come before itself." });
      return;
    }
    if (after.get(before)?.includes(later)) {
      problems.push({ path: ["order", i], message: "This order is already listed." });
      return;
    }
    const back = route(after, later, before);
    if (back) {
      const message = `This order closes a cycle: ${[...back, later].join(" → ")}.`;
      problems.push({ path: ["order", i], message });
      return;
    }
    after.set(before, [...(after.get(before) ?? []), later]);
  });
  return problems;
}

/** A path from `from` to `to` along the orders so far (breadth first), or undefined. */
function route(edges: Map<string, string[]>, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === to) {
      const path = [to];
      for (let at = to; at !== from; ) {
        at = previous.get(at) ?? from;
        path.unshift(at);
      }
      return path;
    }
    for (const target of edges.get(next) ?? []) {
      if (!previous.has(target)) {
        previous.set(target, next);
        queue.push(target);
      }
    }
  }
  return undefined;
}
