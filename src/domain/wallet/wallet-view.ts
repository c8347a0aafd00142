import { type HeldStatus, heldStatus, type WalletEntry } from "./types.ts";

export type WalletSort = "newest" | "oldest" | "name" | "issuer";
export type WalletFilter = {
  issuer?: string | undefined;
  skill?: string | undefined;
  collection?: string | undefined;
  sort?: WalletSort | undefined;
  showHidden?: boolean | undefined;
};
export type HeldEntry = WalletEntry & { held: HeldStatus };

const dateOf = (entry: WalletEntry) => entry.display.issuedOn ?? entry.addedAt.toISOString();
const sorters: Record<WalletSort, (a: HeldEntry, b: HeldEntry) => number> = {
  newest: (a, b) => dateOf(b).localeCompare(dateOf(a)),
  oldest: (a, b) => dateOf(a).localeCompare(dateOf(b)),
  name: (a, b) => a.display.name.localeCompare(b.display.name),
  issuer: (a, b) => (a.display.issuerName ?? "").localeCompare(b.display.issuerName ?? ""),
};
const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/** The wallet as shown: each credential's status as of now, filtered and sorted, with the choices the filters offer. */
export function walletView(entries: readonly WalletEntry[], filter: WalletFilter, now: Date) {
  const held = entries.map((entry) => ({ ...entry, held: heldStatus(entry, now) }));
  const shown = held
    .filter((e) => filter.showHidden || !e.hidden)
    .filter((e) => !filter.issuer || e.display.issuerName === filter.issuer)
    .filter((e) => !filter.skill || (e.display.skills ?? []).includes(filter.skill))
    .filter((e) => !filter.collection || e.collection === filter.collection)
    .sort(sorters[filter.sort ?? "newest"]);
  return {
    entries: shown,
    total: entries.length,
    hidden: entries.filter((e) => e.hidden).length,
    issuers: distinct(entries.map((e) => e.display.issuerName)),
    skills: distinct(entries.flatMap((e) => e.display.skills ?? [])),
    collections: distinct(entries.map((e) => e.collection)),
  };
}
