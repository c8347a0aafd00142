import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOW, type Scenario, scenarios, shuffled } from "../../../test/pathway-arbitraries.ts";
import { evaluatePathway, type PathwayEvaluation } from "./evaluate.ts";
import { recommendNext } from "./next-steps.ts";
import { type ComponentNode, parsePathway, type RequirementNode } from "./requirements.ts";
import { componentsOf, pathKey } from "./tree.ts";

const runs = { numRuns: 400 };
const evaluate = (s: Scenario, held = s.held, equivalences = s.equivalences) =>
  evaluatePathway(s.pathway.requirements, s.pathway, held, NOW, equivalences);

/** A second, deliberately naive reading of the rules: satisfied or not, and the credits passed up. */
function naive(
  node: RequirementNode,
  counted: ReadonlyMap<string, number>,
): { ok: boolean; credits: number } {
  if (node.kind === "component") {
    const credits = counted.get(node.componentId);
    return { ok: credits !== undefined, credits: credits ?? 0 };
  }
  const kids = node.children.map((child) => naive(child, counted));
  const credits = kids.reduce((sum, k) => sum + (k.ok ? k.credits : 0), 0);
  const satisfied = kids.filter((k) => k.ok).length;
  const ok =
    node.kind === "all"
      ? satisfied === kids.length
      : node.kind === "some"
        ? satisfied >= node.min
        : credits >= node.min - 1e-9;
  return { ok, credits: ok ? credits : 0 };
}

/** The fewest missing components (at their declared credits) that complete the tree, by trying every subset. */
function bruteForceNeeded(tree: RequirementNode, result: PathwayEvaluation): number {
  const counted = new Map<string, number>();
  const missing: ComponentNode[] = [];
  for (const { node, path } of componentsOf(tree)) {
    if (result.heldBy[node.componentId])
      counted.set(node.componentId, result.nodes[pathKey(path)]?.credits ?? 0);
    else missing.push(node);
  }
  let best = Infinity;
  for (let mask = 0; mask < 1 << missing.length; mask++) {
    const chosen = missing.filter((_, i) => mask & (1 << i));
    if (chosen.length >= best) continue;
    const trial = new Map(counted);
    for (const c of chosen) trial.set(c.componentId, c.credits ?? 0);
    if (naive(tree, trial).ok) best = chosen.length;
  }
  return best;
}

describe("pathway properties", () => {
  it("(d) validation accepts every generated pathway, and it round-trips through JSON", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        expect(parsePathway(JSON.parse(JSON.stringify(s.pathway)))).toEqual({ ok: true, pathway: s.pathway });
      }),
      runs,
    );
  });

  it("(c) complete iff needed is 0, node by node, and needed is exact", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const result = evaluate(s);
        expect(result.complete).toBe(result.progress.needed === 0);
        for (const node of Object.values(result.nodes)) expect(node.satisfied).toBe(node.needed === 0);
        expect(Number.isFinite(result.progress.needed)).toBe(true);
        expect(result.progress.needed).toBeLessThanOrEqual(result.componentsMissing.length);
        if (result.componentsMissing.length <= 10) {
          expect(result.progress.needed).toBe(bruteForceNeeded(s.pathway.requirements, result));
        }
      }),
      runs,
    );
  });

  it("(b) the same credentials in any order give the same answer", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const reordered = evaluate(
          s,
          shuffled(s.held, s.shuffle),
          shuffled(s.equivalences, s.shuffle.slice(3)),
        );
        expect(reordered).toEqual(evaluate(s));
      }),
      runs,
    );
  });

  it("(a) without orders, one more credential never lowers progress; an invalid one changes nothing", () => {
    fc.assert(
      fc.property(scenarios({ order: false }), (s) => {
        const before = evaluate(s);
        const after = evaluate(s, [...s.held, s.extra]);
        expect(after.progress.done).toBeGreaterThanOrEqual(before.progress.done);
        expect(after.progress.needed).toBeLessThanOrEqual(before.progress.needed);
        expect(after.creditsEarned).toBeGreaterThanOrEqual(before.creditsEarned - 1e-9);
        if (before.complete) expect(after.complete).toBe(true);
        for (const id of before.componentsHeld) expect(after.componentsHeld).toContain(id);
        expect(evaluate(s, [...s.held, { ...s.extra, valid: false }])).toEqual(before);
      }),
      runs,
    );
  });

  it("(a′) with orders, a credential only ever stops an after-component counting, and says so", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const before = evaluate(s);
        const after = evaluate(s, [...s.held, s.extra]);
        const lost = before.componentsHeld.filter((id) => !after.componentsHeld.includes(id));
        const named = after.violations.flatMap((v) => (v.kind === "order" ? [v.afterComponentId] : []));
        for (const id of lost) expect(named).toContain(id);
      }),
      runs,
    );
  });

  it("orders hold among the components that count", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const result = evaluate(s);
        // A repeated credential id stands for one of its entries; only check dates that are unambiguous.
        const earnedAt = new Map<string, number | undefined>();
        for (const h of s.held)
          earnedAt.set(h.credentialId, earnedAt.has(h.credentialId) ? undefined : h.earnedAt.getTime());
        for (const [before, after] of s.pathway.order ?? []) {
          const a = earnedAt.get(result.heldBy[before] ?? "");
          const b = earnedAt.get(result.heldBy[after] ?? "");
          if (a !== undefined && b !== undefined) expect(a).toBeLessThanOrEqual(b);
        }
      }),
      runs,
    );
  });

  it("evidence: distinct valid credentials, each for one component, complete on their own", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const result = evaluate(s);
        const valid = new Set(s.held.filter((h) => h.valid).map((h) => h.credentialId));
        const assigned = Object.values(result.heldBy);
        expect(new Set(assigned).size).toBe(assigned.length);
        expect(new Set(result.usedCredentials).size).toBe(result.usedCredentials.length);
        for (const id of result.usedCredentials) expect(valid).toContain(id);
        if (result.complete) {
          const evidence = s.held.filter((h) => result.usedCredentials.includes(h.credentialId));
          expect(evaluate(s, evidence).complete).toBe(true);
        }
      }),
      runs,
    );
  });

  it("next steps: each recommended component lowers needed by what it says, best first", () => {
    fc.assert(
      fc.property(scenarios({ order: false }), (s) => {
        const result = evaluate(s);
        const steps = recommendNext(s.pathway.requirements, result);
        if (result.complete) expect(steps).toEqual([]);
        else expect(steps.length).toBeGreaterThan(0);
        for (const [i, step] of steps.entries()) {
          if (i > 0) expect(step.reduces).toBeLessThanOrEqual(steps[i - 1]?.reduces ?? Infinity);
          const fresh = {
            credentialId: "new",
            achievementId: step.achievementId,
            issuer: step.issuer,
            earnedAt: NOW,
            valid: true,
          };
          const after = evaluate(s, [...s.held, fresh]);
          expect(after.progress.needed).toBe(result.progress.needed - step.reduces);
        }
      }),
      runs,
    );
  });

  it("next steps never list a component before one it must follow", () => {
    fc.assert(
      fc.property(scenarios({ order: true }), (s) => {
        const steps = recommendNext(s.pathway.requirements, evaluate(s)).map((step) => step.componentId);
        for (const [before, after] of s.pathway.order ?? []) {
          if (steps.includes(before) && steps.includes(after)) {
            expect(steps.indexOf(before)).toBeLessThan(steps.indexOf(after));
          }
        }
      }),
      runs,
    );
  });
});
