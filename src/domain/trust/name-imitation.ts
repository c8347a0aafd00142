/**
 * Whether an issuer's display name imitates a registered issuer's: the same after folding case, accents, spacing,
 * punctuation and look-alike characters (Cyrillic "а" for "a", "0" for "o"), or within a typo or two of it.
 */

// Characters that render like Latin letters, folded to the letter a reader sees.
const LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ɡ: "g",
  ο: "o",
  ρ: "p",
  α: "a",
  ν: "v",
  ι: "i",
  κ: "k",
  τ: "t",
  υ: "u",
  χ: "x",
  "0": "o",
  "1": "l",
  "3": "e",
  "5": "s",
  "7": "t",
  "|": "l",
  ł: "l",
  ø: "o",
  đ: "d",
};

/** The skeleton two names are compared by. */
export function nameSkeleton(name: string): string {
  const folded = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  let out = "";
  for (const char of folded) out += LOOKALIKES[char] ?? char;
  // "rn" reads as "m" and "vv" as "w" in most fonts.
  return out
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/rn/g, "m")
    .replace(/vv/g, "w");
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How many typos still read as the same name: none for short names, where one letter makes another name. */
const typoAllowance = (length: number) => (length >= 20 ? 2 : length >= 8 ? 1 : 0);

/** How far a name is from a registered one when it imitates it (0: the same skeleton), undefined when it does not. */
export function imitationDistance(candidate: string, registered: string): number | undefined {
  const a = nameSkeleton(candidate);
  const b = nameSkeleton(registered);
  if (!a || !b) return undefined;
  if (a === b) return 0;
  const allowance = typoAllowance(Math.min(a.length, b.length));
  if (allowance === 0) return undefined;
  const distance = distanceWithin(a, b, allowance);
  return distance <= allowance ? distance : undefined;
}

export const imitates = (candidate: string, registered: string): boolean =>
  imitationDistance(candidate, registered) !== undefined;

/** The registered name a candidate imitates most closely, if any. */
export function closestImitated<T extends { name: string }>(
  candidate: string,
  registered: readonly T[],
): T | undefined {
  let best: { item: T; distance: number } | undefined;
  for (const item of registered) {
    const distance = imitationDistance(candidate, item.name);
    if (distance !== undefined && (!best || distance < best.distance)) best = { item, distance };
  }
  return best?.item;
}
