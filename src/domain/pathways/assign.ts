import { monthsBefore } from "../months.ts";
import type { PathwayOptions } from "./requirements.ts";
import { identityKey, type VisitedComponent } from "./tree.ts";

/**
 * A credential the learner holds, already verified by the caller. `issuer` absent means this organization, as on
 * components. `credits` is what the credential says was earned (OB 3.0 creditsEarned), if anything.
 */
export type HeldCredential = {
  credentialId: string;
  achievementId: string;
  issuer?: string | undefined;
  earnedAt: Date;
  credits?: number | undefined;
  valid: boolean;
};

/** This organization recognizes an external achievement as its own (OB 3.0 `exactMatchOf`). */
export type Equivalence = {
  externalAchievementId: string;
  externalIssuer?: string | undefined;
  ownAchievementId: string;
};

export type Assignment = { credential: HeldCredential; credits: number; via: "direct" | "equivalence" };

export type AssignmentResult = {
  /** componentId → the one credential that satisfies it (before order is checked). */
  assigned: Map<string, Assignment>;
  /** componentId → its most recent matching credential that is too old, for components left unassigned. */
  stale: Map<string, HeldCredential>;
};

type Candidate = { credential: HeldCredential; credits: number };

/**
 * Gives each component at most one credential, and each credential to at most one component.
 *
 * Two passes in tree order: first every component takes its best direct match, then components still open take a
 * recognized equivalent. Direct first, because an external credential the tree names itself should satisfy that
 * component, not be spent on the recognition. Validation keeps achievements unique, so the direct pass never
 * competes; only recognitions can.
 *
 * "Best" is a fixed order per component: most credits, then by date (earliest for a component that must come
 * before another, otherwise the most recent), then credential id. Because it never depends on what else is held,
 * adding a credential can only add or improve assignments: the monotonicity the property tests check.
 */
export function assignCredentials(
  components: readonly VisitedComponent[],
  held: readonly HeldCredential[],
  equivalences: readonly Equivalence[],
  options: PathwayOptions,
  now: Date,
): AssignmentResult {
  const usable = distinctValid(held);
  const cutoff = options.maxAgeMonths === undefined ? undefined : monthsBefore(now, options.maxAgeMonths);
  const isFresh = (c: HeldCredential) => cutoff === undefined || c.earnedAt.getTime() >= cutoff.getTime();
  const byIdentity = groupBy(usable, (c) => [identityKey(c.achievementId, c.issuer)]);
  const recognized = recognitions(equivalences);
  const byOwnAchievement = groupBy(usable, (c) => [
    ...(recognized.get(identityKey(c.achievementId, c.issuer)) ?? []),
  ]);
  const afterSomething = new Set((options.order ?? []).map(([, after]) => after));
  const earliestFirst = new Set(
    (options.order ?? []).map(([before]) => before).filter((id) => !afterSomething.has(id)),
  );

  const direct = ({ node }: VisitedComponent): Candidate[] =>
    (byIdentity.get(identityKey(node.achievementId, node.issuer)) ?? []).map((h) => ({
      credential: h,
      credits: node.credits ?? creditsOf(h),
    }));
  // A recognition makes the credential count as our achievement, so it is worth what our component declares;
  // the external figure is on another issuer's scale. It also keeps direct ≥ equivalent, which monotonicity needs.
  const equivalent = ({ node }: VisitedComponent): Candidate[] =>
    node.issuer !== undefined
      ? []
      : (byOwnAchievement.get(node.achievementId) ?? []).map((h) => ({
          credential: h,
          credits: node.credits ?? 0,
        }));

  const assigned = new Map<string, Assignment>();
  const used = new Set<string>();
  const pass = (via: Assignment["via"], candidatesFor: (c: VisitedComponent) => Candidate[]) => {
    for (const component of components) {
      if (assigned.has(component.node.componentId)) continue;
      const open = candidatesFor(component).filter(
        (c) => isFresh(c.credential) && !used.has(c.credential.credentialId),
      );
      const best = open.sort(preference(earliestFirst.has(component.node.componentId)))[0];
      if (!best) continue;
      used.add(best.credential.credentialId);
      assigned.set(component.node.componentId, { ...best, via });
    }
  };
  pass("direct", direct);
  pass("equivalence", equivalent);

  const stale = new Map<string, HeldCredential>();
  for (const component of components) {
    if (assigned.has(component.node.componentId)) continue;
    const old = [...direct(component), ...equivalent(component)].filter((c) => !isFresh(c.credential));
    const latest = old.sort(newestFirst)[0];
    if (latest) stale.set(component.node.componentId, latest.credential);
  }
  return { assigned, stale };
}

const preference = (earliestFirst: boolean) => (a: Candidate, b: Candidate) =>
  b.credits - a.credits ||
  (earliestFirst ? 1 : -1) * (a.credential.earnedAt.getTime() - b.credential.earnedAt.getTime()) ||
  compareText(a.credential.credentialId, b.credential.credentialId);

const newestFirst = (a: Candidate, b: Candidate) =>
  b.credential.earnedAt.getTime() - a.credential.earnedAt.getTime() ||
  compareText(a.credential.credentialId, b.credential.credentialId);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A credential's own credits, ignoring nonsense (negative, NaN) rather than letting it count. */
const creditsOf = (c: HeldCredential) =>
  c.credits !== undefined && Number.isFinite(c.credits) && c.credits > 0 ? c.credits : 0;

/**
 * Valid credentials with a real date, one per credential id. A repeated id keeps one canonical entry whatever the
 * input order, so the answer never depends on how the caller listed them.
 */
function distinctValid(held: readonly HeldCredential[]): HeldCredential[] {
  const canonical = (c: HeldCredential) =>
    JSON.stringify([c.earnedAt.getTime(), c.achievementId, c.issuer ?? null, c.credits ?? null]);
  const byId = new Map<string, HeldCredential>();
  for (const c of held) {
    if (!c.valid || !Number.isFinite(c.earnedAt.getTime())) continue;
    const seen = byId.get(c.credentialId);
    if (!seen || canonical(c) < canonical(seen)) byId.set(c.credentialId, c);
  }
  return [...byId.values()];
}

function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

function recognitions(equivalences: readonly Equivalence[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of equivalences) {
    const key = identityKey(e.externalAchievementId, e.externalIssuer);
    map.set(key, new Set([...(map.get(key) ?? []), e.ownAchievementId]));
  }
  return map;
}
