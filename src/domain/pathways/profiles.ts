import { reaches } from "./tree.ts";

/**
 * A profile answers "with at most c more components, the most credits this node can pass up while satisfied":
 * best[c] for c = 0 … (missing components below it), -Infinity where c is not enough. It never decreases, and
 * past its end it keeps its last value (more budget never hurts). Knowing the credits at every cost, not just
 * the cheapest route, is what makes `needed` exact in credits groups: sometimes the dearer route is worth enough.
 */
export type Profile = number[];
export const NONE = Number.NEGATIVE_INFINITY;

const at = (p: Profile, c: number) => p[Math.min(c, p.length - 1)] ?? NONE;

/** Both satisfied: spend c on one and the rest on the other, best split (max-plus convolution). */
export function combine(a: Profile, b: Profile): Profile {
  const out: Profile = new Array(a.length + b.length - 1).fill(NONE);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? NONE;
    if (x === NONE) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = Math.max(out[i + j] ?? NONE, x + (b[j] ?? NONE));
  }
  return out;
}

/** Either route: the better at every cost. */
function either(a: Profile, b: Profile): Profile {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, c) => Math.max(at(a, c), at(b, c)));
}

/**
 * Most children are plain: done with nothing more to gain (`[v]`) or one component away (`[NONE, v]`). Taking t of
 * the one-away children costs t whichever they are, so the best are simply the t worth most (`top[t]`); only the
 * other children need the dynamic programme. This keeps a 100-of-200 group fast.
 */
function split(kids: readonly Profile[]) {
  let held = 0;
  let value = 0;
  const oneAway: number[] = [];
  const other: Profile[] = [];
  for (const kid of kids) {
    const [first = NONE, second = NONE] = kid;
    if (kid.length === 1 && first > NONE) {
      held++;
      value += first;
    } else if (kid.length === 2 && first === NONE && second > NONE) oneAway.push(second);
    else other.push(kid);
  }
  const top = [0];
  for (const v of oneAway.sort((a, b) => b - a)) top.push((top[top.length - 1] ?? 0) + v);
  return { held, value, top, other };
}

/** best[c] = max over t one-away children taken (t ≤ c) of base[c - t] + top[t], where `allowed(t)`. */
function withOneAway(base: Profile, top: readonly number[], allowed: (t: number) => boolean): Profile {
  if (base.every((v) => v === NONE)) return base;
  const out: Profile = new Array(base.length + top.length - 1).fill(NONE);
  for (let t = 0; t < top.length; t++) {
    if (!allowed(t)) continue;
    for (let c = t; c < out.length; c++) out[c] = Math.max(out[c] ?? NONE, at(base, c - t) + (top[t] ?? 0));
  }
  return out;
}

/**
 * N of M: dynamic programme over the children, tracking how many are satisfied (capped at N). Any child may be
 * left out, and extra satisfied children still pass their credits up. With no credits involved this reduces to
 * "the N cheapest children", the rule the issue asks for.
 */
export function atLeast(kids: readonly Profile[], min: number): Profile {
  const { held, value, top, other } = split(kids);
  let rows: Profile[] = Array.from({ length: min + 1 }, (_, k) =>
    k === Math.min(held, min) ? [value] : [NONE],
  );
  for (const kid of other) {
    rows = rows.map((skip, k) => {
      const sources = k === 0 ? [] : k === min ? [k - 1, k] : [k - 1];
      return sources.reduce((best, source) => {
        const from = rows[source] ?? [NONE];
        // Monotone, so a row whose last value is NONE is NONE throughout: nothing to extend.
        return (from[from.length - 1] ?? NONE) === NONE ? best : either(best, combine(from, kid));
      }, skip);
    });
  }
  let result: Profile = [NONE];
  rows.forEach((row, k) => {
    result = either(
      result,
      withOneAway(row, top, (t) => k + t >= min),
    );
  });
  return result;
}

/** Credits: choose which children to satisfy; feasible where their credits reach the minimum. */
export function worth(kids: readonly Profile[], min: number): Profile {
  const { value, top, other } = split(kids);
  const chosen = other.reduce<Profile>((acc, kid) => either(acc, combine(acc, kid)), [value]);
  return withOneAway(chosen, top, () => true).map((v) => (reaches(v, min) ? v : NONE));
}
