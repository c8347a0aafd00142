import { describe, expect, it } from "vitest";
import { evaluatePathway, type HeldCredential } from "./evaluate.ts";
import type { ComponentNode, RequirementNode } from "./requirements.ts";

const now = new Date("2025-06-30T12:00:00Z");
const c = (id: string, extra: Partial<ComponentNode> = {}): ComponentNode => ({
  kind: "component",
  componentId: id,
  achievementId: `ach-${id}`,
  label: id.toUpperCase(),
  ...extra,
});
const earned = (id: string, on = "2025-01-01", extra: Partial<HeldCredential> = {}): HeldCredential => ({
  credentialId: `cred-${id}`,
  achievementId: `ach-${id}`,
  earnedAt: new Date(`${on}T00:00:00Z`),
  valid: true,
  ...extra,
});
const all = (...children: RequirementNode[]): RequirementNode => ({ kind: "all", children });
const some = (min: number, ...children: RequirementNode[]): RequirementNode => ({
  kind: "some",
  min,
  children,
});
const credits = (min: number, ...children: RequirementNode[]): RequirementNode => ({
  kind: "credits",
  min,
  children,
});

describe("evaluatePathway", () => {
  it("all of: every component, progress counts the rest", () => {
    const tree = all(c("a"), c("b"), c("c"));
    const result = evaluatePathway(tree, {}, [earned("a"), earned("c")], now);
    expect(result).toMatchObject({
      complete: false,
      componentsHeld: ["a", "c"],
      componentsMissing: ["b"],
      progress: { done: 2, needed: 1 },
      usedCredentials: ["cred-a", "cred-c"],
      heldBy: { a: "cred-a", c: "cred-c" },
      violations: [],
    });
    expect(result.nodes["requirements.children.1"]).toEqual({ satisfied: false, needed: 1, credits: 0 });
    expect(
      evaluatePathway(
        tree,
        {},
        ["a", "b", "c"].map((id) => earned(id)),
        now,
      ).complete,
    ).toBe(true);
  });

  it("N of M: needs the cheapest children, and extra ones are still evidence", () => {
    const tree = some(2, all(c("a"), c("b"), c("c")), all(c("d"), c("e")), c("f"));
    expect(evaluatePathway(tree, {}, [], now).progress).toEqual({ done: 0, needed: 3 });
    const partial = evaluatePathway(tree, {}, [earned("a"), earned("b"), earned("d")], now);
    expect(partial.progress).toEqual({ done: 3, needed: 2 }); // c (or e) and f
    expect(partial.usedCredentials).toEqual([]); // no alternative is finished yet
    const done = evaluatePathway(
      tree,
      {},
      ["a", "b", "c", "d", "e", "f"].map((id) => earned(id)),
      now,
    );
    expect(done.complete).toBe(true);
    expect(done.usedCredentials).toHaveLength(6);
  });

  it("credits: a minimum over components, with held credits where none are declared", () => {
    const tree = credits(10, c("a", { credits: 5 }), c("b", { credits: 5 }), c("x", { credits: 10 }), c("y"));
    const start = evaluatePathway(tree, {}, [], now);
    expect(start.progress.needed).toBe(1); // x alone is worth 10
    const half = evaluatePathway(tree, {}, [earned("a", "2025-01-01", { credits: 99 })], now);
    expect(half.creditsEarned).toBe(5); // the pathway's 5, not the credential's 99
    expect(half.nodes.requirements).toEqual({ satisfied: false, needed: 1, credits: 5 });
    const undeclared = evaluatePathway(tree, {}, [earned("y", "2025-01-01", { credits: 6 })], now);
    expect(undeclared.nodes.requirements).toEqual({ satisfied: false, needed: 1, credits: 6 });
    const enough = evaluatePathway(tree, {}, [earned("a"), earned("y", "2025-01-01", { credits: 6 })], now);
    expect(enough).toMatchObject({ complete: true, creditsEarned: 11, progress: { done: 2, needed: 0 } });
  });

  it("credits over groups: a group counts once finished, and needed picks the route worth enough", () => {
    // Track 1 is cheap but worth little; track 2 costs two components and reaches the minimum.
    const tree = credits(
      8,
      some(1, c("a", { credits: 2 }), c("b", { credits: 3 })),
      all(c("c", { credits: 4 }), c("d", { credits: 4 })),
    );
    expect(evaluatePathway(tree, {}, [], now).progress.needed).toBe(2);
    const halfTrack = evaluatePathway(tree, {}, [earned("c")], now);
    expect(halfTrack.nodes.requirements).toEqual({ satisfied: false, needed: 1, credits: 0 });
    expect(halfTrack.usedCredentials).toEqual([]);
  });

  it("ignores invalid credentials; of two for one component, uses the most recent", () => {
    const tree = all(c("a"), c("b"));
    const again = { ...earned("b", "2025-02-01"), credentialId: "again" };
    const result = evaluatePathway(
      tree,
      {},
      [earned("a", "2025-01-01", { valid: false }), earned("b"), again],
      now,
    );
    expect(result.componentsHeld).toEqual(["b"]);
    expect(result.usedCredentials).toEqual(["again"]);
  });

  it("a credential listed twice counts once, whichever order it comes in", () => {
    const tree = all(c("a"), c("b"));
    const twice = [earned("a"), { ...earned("b"), credentialId: "cred-a" }];
    const result = evaluatePathway(tree, {}, twice, now);
    expect(result.componentsHeld).toHaveLength(1);
    expect(evaluatePathway(tree, {}, [...twice].reverse(), now)).toEqual(result);
  });

  it("a credential recognized as two of our achievements still counts once", () => {
    const tree = all(c("a"), c("b"));
    const recognitions = ["ach-a", "ach-b"].map((own) => ({
      externalAchievementId: "ext",
      ownAchievementId: own,
    }));
    const result = evaluatePathway(
      tree,
      {},
      [earned("x", "2025-01-01", { achievementId: "ext" })],
      now,
      recognitions,
    );
    expect(result).toMatchObject({ componentsHeld: ["a"], usedCredentials: ["cred-x"] });
  });

  it("matches issuers exactly: an outside issuer reusing our achievement id does not count", () => {
    const tree = all(
      c("a"),
      c("ext", { achievementId: "https://uni.example/a/1", issuer: "did:web:uni.example" }),
    );
    const result = evaluatePathway(
      tree,
      {},
      [
        earned("a", "2025-01-01", { issuer: "did:web:forger.example" }),
        earned("x", "2025-01-01", {
          achievementId: "https://uni.example/a/1",
          issuer: "did:web:uni.example",
        }),
      ],
      now,
    );
    expect(result.componentsHeld).toEqual(["ext"]);
  });

  it("max age: too old does not count and is reported", () => {
    const tree = all(c("a"), c("b"));
    const held = [
      earned("a", "2022-06-30"),
      earned("b", "2022-06-29"),
      { ...earned("b", "2020-01-01"), credentialId: "b2" },
    ];
    const result = evaluatePathway(tree, { maxAgeMonths: 36 }, held, now);
    expect(result.componentsHeld).toEqual(["a"]); // exactly 36 months still counts
    expect(result.violations).toEqual([
      {
        kind: "too_old",
        componentId: "b",
        credentialId: "cred-b",
        earnedAt: new Date("2022-06-29T00:00:00Z"),
        message: "B was earned on 2022-06-29, more than 36 months ago.",
      },
    ]);
  });

  it("order: an after component earned first does not count, and the earliest before credential is used", () => {
    const tree = all(c("basics"), c("advanced"));
    const order: [string, string][] = [["basics", "advanced"]];
    const wrong = evaluatePathway(tree, { order }, [earned("basics", "2025-03-01"), earned("advanced")], now);
    expect(wrong.componentsHeld).toEqual(["basics"]);
    expect(wrong.violations).toMatchObject([
      { kind: "order", beforeComponentId: "basics", afterComponentId: "advanced" },
    ]);
    const alone = evaluatePathway(tree, { order }, [earned("advanced")], now);
    expect(alone.componentsHeld).toEqual(["advanced"]); // the order applies once both are held
    const retaken = [
      earned("basics", "2025-03-01"),
      { ...earned("basics", "2024-01-01"), credentialId: "old" },
    ];
    const right = evaluatePathway(tree, { order }, [...retaken, earned("advanced")], now);
    expect(right).toMatchObject({ complete: true, heldBy: { basics: "old" }, violations: [] });
  });

  it("equivalence: a recognized external credential counts as our achievement, at our credits", () => {
    const tree = credits(5, c("a", { credits: 5 }));
    const recognition = {
      externalAchievementId: "ext-1",
      externalIssuer: "did:web:uni.example",
      ownAchievementId: "ach-a",
    };
    const external = earned("x", "2025-01-01", {
      achievementId: "ext-1",
      issuer: "did:web:uni.example",
      credits: 2,
    });
    const result = evaluatePathway(tree, {}, [external], now, [recognition]);
    expect(result).toMatchObject({ complete: true, creditsEarned: 5, heldBy: { a: "cred-x" } });
    const otherIssuer = { ...external, issuer: "did:web:elsewhere.example" };
    expect(evaluatePathway(tree, {}, [otherIssuer], now, [recognition]).complete).toBe(false);
  });

  it("equivalence: an undeclared component is worth 0 through a recognition, not the external figure", () => {
    // Otherwise a later direct credential worth less would lower the credits: progress must never go down.
    const tree = all(c("a"));
    const recognition = { externalAchievementId: "ext-1", ownAchievementId: "ach-a" };
    const external = earned("x", "2025-01-01", { achievementId: "ext-1", credits: 9 });
    expect(evaluatePathway(tree, {}, [external], now, [recognition]).creditsEarned).toBe(0);
    const direct = earned("a", "2025-01-01", { credits: 2 });
    expect(evaluatePathway(tree, {}, [external, direct], now, [recognition]).creditsEarned).toBe(2);
  });

  it("evidence stands alone even when a recognition was contested", () => {
    // j takes v (the more recent of its two recognized credentials) but its track stays unfinished; k takes u.
    // u alone would go to j, which comes first, so the evidence keeps v too.
    const tree = some(1, all(c("j"), c("l")), c("k"));
    const recognitions = [
      { externalAchievementId: "ext-u", ownAchievementId: "ach-j" },
      { externalAchievementId: "ext-u", ownAchievementId: "ach-k" },
      { externalAchievementId: "ext-v", ownAchievementId: "ach-j" },
    ];
    const held = [
      earned("u", "2025-01-01", { achievementId: "ext-u" }),
      earned("v", "2025-02-01", { achievementId: "ext-v" }),
    ];
    const result = evaluatePathway(tree, {}, held, now, recognitions);
    expect(result).toMatchObject({ complete: true, heldBy: { j: "cred-v", k: "cred-u" } });
    expect(result.usedCredentials).toEqual(["cred-v", "cred-u"]);
    const alone = held.filter((h) => result.usedCredentials.includes(h.credentialId));
    expect(evaluatePathway(tree, {}, alone, now, recognitions).complete).toBe(true);
  });

  it("equivalence: a credential the tree names directly satisfies that component first", () => {
    const ext = { achievementId: "ext-1", issuer: "did:web:uni.example" };
    const tree = some(2, c("own", { achievementId: "ach-own" }), c("ext", ext));
    const recognition = {
      externalAchievementId: "ext-1",
      externalIssuer: ext.issuer,
      ownAchievementId: "ach-own",
    };
    const result = evaluatePathway(tree, {}, [earned("x", "2025-01-01", ext)], now, [recognition]);
    expect(result.heldBy).toEqual({ ext: "cred-x" });
  });
});
