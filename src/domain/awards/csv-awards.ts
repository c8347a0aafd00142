import { DomainError } from "../errors.ts";
import { type AwardRequest, awardRequest, normalizedRecipient } from "./award-request.ts";

/** The columns of an award CSV, in template order; only `recipient` needs a value. */
export const CSV_COLUMNS = [
  "recipient",
  "recipientName",
  "evidenceUrl",
  "narrative",
  "result",
  "issuedOn",
  "validUntil",
] as const;
export const MAX_CSV_ROWS = 100_000;
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

const EXAMPLE = [
  "ada@example.org",
  "Ada Lovelace",
  "https://example.org/portfolio/ada",
  "Built the final project on time",
  "Pass with distinction",
  "2026-06-30",
  "2028-06-30",
];
const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** A CSV line; cells that start like a formula are prefixed so spreadsheets show them as text. */
export const csvLine = (cells: readonly (string | number | null | undefined)[]) =>
  `${cells
    .map((cell) => {
      const text = cell === null || cell === undefined ? "" : String(cell);
      return quoted(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    })
    .join(",")}\r\n`;

export const templateCsv = () => csvLine(CSV_COLUMNS) + csvLine(EXAMPLE);

/** Checks the header row: every column known, `recipient` present, none twice. Returns it as given. */
export function checkHeader(header: readonly string[]): string[] {
  const names = header.map((name) => name.trim());
  const known: readonly string[] = CSV_COLUMNS;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DomainError(
      "invalid_csv",
      `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}. Use the template's columns: ${CSV_COLUMNS.join(", ")}.`,
    );
  }
  if (!names.includes("recipient")) {
    throw new DomainError(
      "invalid_csv",
      `The first row must be the header, with a "recipient" column (${CSV_COLUMNS.join(", ")}).`,
    );
  }
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new DomainError("invalid_csv", `The column "${twice}" appears twice in the header.`);
  return names;
}

export type RowError = { row: number; recipient: string; message: string };

/** Not one row of an upload can be awarded, so nothing was kept; `rows` says why, row by row. */
export class NoAwardableRows extends DomainError {
  readonly rows: RowError[];

  constructor(rows: RowError[]) {
    super("invalid_csv", "No row can be awarded; correct the rows listed and upload again.");
    this.rows = rows;
  }
}
export type CheckedRow =
  | { ok: true; row: number; data: Record<string, string>; request: AwardRequest; recipient: string }
  | { ok: false; row: number; data: Record<string, unknown>; error: RowError };

const textOf = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Validates one row with the award rules; a recipient already seen earlier in the same file is an error on the
 * later row. `seen` collects normalized recipients (the caller keeps it across rows).
 */
export function checkRow(row: number, data: Record<string, unknown>, seen: Set<string>): CheckedRow {
  const parsed = awardRequest.safeParse(data);
  const recipient = textOf(data.recipient).trim();
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${String(issue.path[0] ?? "row")}: ${issue.message}`)
      .join("; ");
    return { ok: false, row, data, error: { row, recipient, message } };
  }
  const key = normalizedRecipient(parsed.data.recipient);
  if (seen.has(key)) {
    return {
      ok: false,
      row,
      data,
      error: { row, recipient, message: "recipient: This recipient appears on an earlier row of the file." },
    };
  }
  seen.add(key);
  const strings = Object.fromEntries(
    Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return { ok: true, row, data: strings, request: parsed.data, recipient: key };
}
