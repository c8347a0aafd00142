// Test support: fast-check generators for pathways and held credentials (imported by *.test.ts only).
import fc from "fast-check";
import type { Equivalence, HeldCredential } from "../src/domain/pathways/assign.ts";
import type { ComponentNode, Pathway, RequirementNode } from "../src/domain/pathways/requirements.ts";
import { componentsOf, declaredCredits } from "../src/domain/pathways/tree.ts";

export const NOW = new Date("2025-06-30T12:00:00Z");
const ISSUERS = [undefined, undefined, "did:web:other.example", "https://partner.example"] as const;
const EXTERNAL_ISSUER = "did:web:external.example";

type Shape =
  | { kind: "component"; credits: number | undefined; issuer: number }
  | { kind: "all" | "some" | "credits"; ratio: number; children: Shape[] };

/** Small trees (a few levels, up to 4 children a group, rarely over 30 components): every interaction, quick to shrink. */
const shapes = fc.letrec<{ node: Shape; leaf: Shape; group: Shape }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: "pathway", withCrossShrink: true },
    { arbitrary: tie("leaf"), weight: 1 },
    { arbitrary: tie("group"), weight: 2 },
  ),
  leaf: fc.record({
    kind: fc.constant("component" as const),
    credits: fc.option(
      fc.integer({ min: 0, max: 12 }).map((n) => n / 2),
      { nil: undefined },
    ),
    issuer: fc.nat({ max: ISSUERS.length - 1 }),
  }),
  group: fc.record({
    kind: fc.constantFrom("all" as const, "some" as const, "credits" as const),
    ratio: fc.double({ min: 0, max: 1, noNaN: true }),
    children: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
  }),
}));

/** A valid tree from a shape: ids in tree order, `min` scaled into its allowed range. */
function build(shape: Shape, counter = { next: 0 }): RequirementNode {
  if (shape.kind === "component") {
    const i = counter.next++;
    const issuer = ISSUERS[shape.issuer];
    return {
      kind: "component",
      componentId: `c${i}`,
      achievementId: `ach-${i}`,
      label: `Component ${i}`,
      ...(issuer === undefined ? {} : { issuer }),
      ...(shape.credits === undefined ? {} : { credits: shape.credits }),
    };
  }
  const children = shape.children.map((child) => build(child, counter));
  if (shape.kind === "all") return { kind: "all", children };
  if (shape.kind === "some") {
    return {
      kind: "some",
      min: 1 + Math.min(children.length - 1, Math.floor(shape.ratio * children.length)),
      children,
    };
  }
  const available = declaredCredits({ kind: "all", children });
  return { kind: "credits", min: Math.floor(shape.ratio * available * 2) / 2, label: "Credits", children };
}

type RawCredential = {
  pick: number;
  source: "direct" | "external" | "stray";
  monthsAgo: number;
  day: number;
  credits: number | undefined;
  valid: boolean;
  /** Repeat the previous credential's id: callers may list one credential twice, even with different data. */
  repeatId: boolean;
};

const rawCredential = (valid: fc.Arbitrary<boolean>) =>
  fc.record({
    pick: fc.nat({ max: 50 }),
    source: fc.constantFrom(
      "direct" as const,
      "direct" as const,
      "direct" as const,
      "external" as const,
      "stray" as const,
    ),
    monthsAgo: fc.integer({ min: 0, max: 48 }),
    day: fc.constantFrom(1, 15),
    credits: fc.option(
      fc.integer({ min: 0, max: 12 }).map((n) => n / 2),
      { nil: undefined },
    ),
    valid,
    repeatId: fc.constantFrom(false, false, false, false, false, false, false, true),
  });

function credential(raw: RawCredential, id: string, components: readonly ComponentNode[]): HeldCredential {
  const target = components[raw.pick % components.length];
  const identity =
    raw.source === "direct" && target
      ? { achievementId: target.achievementId, ...(target.issuer ? { issuer: target.issuer } : {}) }
      : raw.source === "external"
        ? { achievementId: `ext-${raw.pick % 3}`, issuer: EXTERNAL_ISSUER }
        : { achievementId: "unrelated" };
  return {
    credentialId: id,
    ...identity,
    earnedAt: new Date(Date.UTC(2025, 5 - raw.monthsAgo, raw.day)),
    ...(raw.credits === undefined ? {} : { credits: raw.credits }),
    valid: raw.valid,
  };
}

export type Scenario = {
  pathway: Pathway;
  held: HeldCredential[];
  /** One more valid credential with a fresh id. */
  extra: HeldCredential;
  equivalences: Equivalence[];
  /** Random sort keys, for shuffling `held` and `equivalences`. */
  shuffle: number[];
};

/** A pathway with options, a learner's credentials and this organization's recognitions. */
export const scenarios = (opts: { order: boolean }): fc.Arbitrary<Scenario> =>
  fc
    .record({
      shape: shapes.node,
      maxAgeMonths: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      orderPairs: opts.order
        ? fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 })
        : fc.constant<[number, number][]>([]),
      ranks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
      held: fc.array(rawCredential(fc.constantFrom(true, true, true, false)), { maxLength: 16 }),
      extra: rawCredential(fc.constant(true)),
      recognitions: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat()), { maxLength: 4 }),
      shuffle: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
    })
    .map((raw) => {
      const requirements = build(raw.shape);
      const components = componentsOf(requirements).map((c) => c.node);
      const ids = components.map((c) => c.componentId);
      const order = orderFrom(raw.orderPairs, ids, raw.ranks);
      const own = components.filter((c) => c.issuer === undefined);
      const equivalences = raw.recognitions.flatMap(([ext, pick]) => {
        const target = own[pick % Math.max(own.length, 1)];
        return target
          ? [
              {
                externalAchievementId: `ext-${ext}`,
                externalIssuer: EXTERNAL_ISSUER,
                ownAchievementId: target.achievementId,
              },
            ]
          : [];
      });
      return {
        pathway: {
          requirements,
          ...(order.length ? { order } : {}),
          ...(raw.maxAgeMonths === undefined ? {} : { maxAgeMonths: raw.maxAgeMonths }),
        },
        held: raw.held.map((h, i) => credential(h, `h${h.repeatId && i > 0 ? i - 1 : i}`, components)),
        extra: credential(raw.extra, "extra", components),
        equivalences,
        shuffle: raw.shuffle,
      };
    });

/** Orders oriented by a random rank, so they never form a cycle; repeats and self-pairs dropped. */
function orderFrom(pairs: [number, number][], ids: string[], ranks: number[]): [string, string][] {
  const first = (a: number, b: number) =>
    (ranks[a] ?? 0) < (ranks[b] ?? 0) || (ranks[a] === ranks[b] && a < b);
  const seen = new Set<string>();
  return pairs.flatMap(([x, y]) => {
    const a = x % ids.length;
    const b = y % ids.length;
    if (a === b) return [];
    const [before, after] = first(a, b) ? [a, b] : [b, a];
    const pair: [string, string] = [ids[before] ?? "", ids[after] ?? ""];
    if (seen.has(pair.join())) return [];
    seen.add(pair.join());
    return [pair];
  });
}

/** `items` reordered by the scenario's random keys. */
export const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, i) => ({ item, key: keys[i % keys.length] ?? 0 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
