import { pipeline, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { CsvError, parse } from "csv-parse";
import {
  type CheckedRow,
  checkHeader,
  checkRow,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
} from "../../../domain/awards/csv-awards.ts";
import { DomainError } from "../../../domain/errors.ts";

/**
 * Streams an award CSV (header row required, UTF-8 BOM tolerated), yielding each row as validated, so a 100,000-row
 * file is never held in memory. Rows are numbered as a spreadsheet shows them: the header is row 1, the first award
 * row 2. A malformed file throws `invalid_csv` at the row where it breaks.
 */
export async function* checkedCsvRows(
  source: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
  options: { size?: number; maxRows?: number } = {},
): AsyncGenerator<CheckedRow> {
  if ((options.size ?? 0) > MAX_CSV_BYTES) {
    throw new DomainError(
      "payload_too_large",
      "The file is larger than 20 MiB. Split it into smaller files.",
    );
  }
  const maxRows = options.maxRows ?? MAX_CSV_ROWS;
  const tooLarge = () =>
    new DomainError("payload_too_large", "The file is larger than 20 MiB. Split it into smaller files.");
  async function* limited() {
    let bytes = 0;
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
      bytes += chunk.length;
      if (bytes > MAX_CSV_BYTES) throw tooLarge();
      yield chunk;
    }
  }
  const parser = parse({
    bom: true,
    columns: (header: string[]) => checkHeader(header),
    skip_empty_lines: true,
    max_record_size: 64 * 1024,
  });
  pipeline(Readable.from(limited()), parser, () => {});
  const seen = new Set<string>();
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<Record<string, unknown>>) {
      row += 1;
      if (row - 1 > maxRows) {
        throw new DomainError(
          "invalid_csv",
          `The file has more than ${maxRows.toLocaleString("en")} rows. Split it into smaller files.`,
        );
      }
      yield checkRow(row, record, seen);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new DomainError("invalid_csv", `The file is not valid CSV near row ${row + 1}: ${error.message}`);
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (row === 1) throw new DomainError("invalid_csv", "The file has a header but no rows to award.");
}
