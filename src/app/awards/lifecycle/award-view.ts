import type { Award } from "../../../domain/awards/award-request.ts";

export const AWARD_STATUSES = ["active", "suspended", "revoked"] as const;
export const STATUS_LABELS = { active: "Active", suspended: "Suspended", revoked: "Revoked" } as const;

/** An award as lists show it: with its definition's name and whether it has expired. */
export type AwardRow = Award & { achievementName: string; expired: boolean };

export const toRow = (award: Award, names: Map<string, string>, now: Date): AwardRow => ({
  ...award,
  achievementName: names.get(award.achievementId) ?? "(unknown micro-credential)",
  expired: award.validUntil !== null && award.validUntil.getTime() <= now.getTime(),
});

const csvCell = (value: string) => {
  // Quote every cell, double inner quotes, and defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export const CSV_HEADER = [
  "award_id",
  "credential_id",
  "micro_credential",
  "version",
  "recipient",
  "recipient_name",
  "status",
  "status_reason",
  "issued_on",
  "valid_until",
  "claimed_on",
  "replaces_award_id",
];

export const csvLine = (cells: string[]) => `${cells.map(csvCell).join(",")}\r\n`;

export const csvRow = (a: AwardRow) =>
  csvLine([
    a.id,
    a.credentialId,
    a.achievementName,
    String(a.achievementVersion),
    a.recipient,
    a.recipientName ?? "",
    a.status,
    a.statusReason ?? "",
    day(a.issuedAt),
    day(a.validUntil),
    day(a.claimedAt),
    a.replacesAwardId ?? "",
  ]);
