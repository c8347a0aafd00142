import type { AccreditedScope, CatalogEntry } from "../ports.ts";

/**
 * The achievement ids of this Cairn among a pathway's components: pathways store achievement URLs, and those of
 * other platforms can never be catalog rows.
 */
export function ownIds(publicUrl: string, componentIds: readonly string[]): string[] {
  const prefix = `${publicUrl}/achievements/`;
  return componentIds.flatMap((url) => {
    const id = url.startsWith(prefix) ? url.slice(prefix.length) : "";
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? [id] : [];
  });
}

/** The accreditation bodies that vouch for an entry now: of its issuer as a whole, or of the entry itself. */
export const accreditorsOf = (
  scopes: readonly AccreditedScope[],
  entry: Pick<CatalogEntry, "organizationId" | "achievementId">,
) => [
  ...new Set(
    scopes
      .filter(
        (s) =>
          s.issuerId === entry.organizationId &&
          (s.achievementId === null || s.achievementId === entry.achievementId),
      )
      .map((s) => s.accreditorName),
  ),
];

/** The accredited-only filter's ids. */
export const accreditedFilter = (scopes: readonly AccreditedScope[]) => ({
  issuerIds: [...new Set(scopes.filter((s) => s.achievementId === null).map((s) => s.issuerId))],
  achievementIds: [...new Set(scopes.flatMap((s) => (s.achievementId ? [s.achievementId] : [])))],
});
