import { describe, expect, it } from "vitest";
import { monthsBefore } from "../months.ts";
import { evaluatePathway, type HeldCredential } from "./evaluate.ts";
import { recommendNext } from "./next-steps.ts";
import type { ComponentNode, PathwayOptions, RequirementNode } from "./requirements.ts";

const now = new Date("2025-06-30T12:00:00Z");
const c = (id: string, credits?: number): ComponentNode => ({
  kind: "component",
  componentId: id,
  achievementId: `ach-${id}`,
  label: id,
  ...(credits === undefined ? {} : { credits }),
});
const earned = (id: string): HeldCredential => ({
  credentialId: `cred-${id}`,
  achievementId: `ach-${id}`,
  earnedAt: new Date("2025-01-01T00:00:00Z"),
  valid: true,
});
const next = (tree: RequirementNode, held: string[], options: PathwayOptions = {}) =>
  recommendNext(tree, evaluatePathway(tree, options, held.map(earned), now)).map((s) => [
    s.componentId,
    s.reduces,
  ]);

describe("recommendNext", () => {
  it("ranks the components that most lower needed, ties in tree order, and skips the useless", () => {
    const tree: RequirementNode = {
      kind: "all",
      children: [
        { kind: "some", min: 1, children: [c("a"), c("b")] },
        c("core"),
        { kind: "some", min: 1, children: [{ kind: "all", children: [c("x"), c("y"), c("z")] }, c("w")] },
      ],
    };
    expect(next(tree, [])).toEqual([
      ["a", 1],
      ["b", 1],
      ["core", 1],
      ["w", 1],
    ]);
    expect(next(tree, ["a", "x", "y"])).toEqual([
      ["core", 1],
      ["z", 1],
      ["w", 1],
    ]);
  });

  it("in a credits group, prefers the component that closes the gap alone", () => {
    const tree: RequirementNode = {
      kind: "credits",
      min: 10,
      children: [c("small", 5), c("big", 10), c("s2", 5)],
    };
    expect(next(tree, [])).toEqual([["big", 1]]);
    expect(next(tree, ["small"])).toEqual([
      ["big", 1],
      ["s2", 1],
    ]);
  });

  it("puts a required predecessor before the step that must follow it", () => {
    const tree: RequirementNode = {
      kind: "all",
      children: [{ kind: "some", min: 2, children: [c("adv"), c("other"), c("basics")] }, c("core")],
    };
    const order: [string, string][] = [["basics", "adv"]];
    expect(next(tree, [], { order })).toEqual([
      ["basics", 1],
      ["adv", 1],
      ["other", 1],
      ["core", 1],
    ]);
    expect(next(tree, ["other"], { order })[0]).toEqual(["basics", 1]);
  });

  it("recommends nothing once complete", () => {
    expect(next({ kind: "all", children: [c("a")] }, ["a"])).toEqual([]);
  });
});

describe("monthsBefore", () => {
  it("counts calendar months back to the start of the day, clamping to the month's end", () => {
    expect(monthsBefore(new Date("2025-03-31T15:00:00Z"), 1)).toEqual(new Date("2025-02-28T00:00:00Z"));
    expect(monthsBefore(new Date("2024-03-31T15:00:00Z"), 1)).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(monthsBefore(new Date("2025-01-15T00:00:00Z"), 36)).toEqual(new Date("2022-01-15T00:00:00Z"));
  });
});
