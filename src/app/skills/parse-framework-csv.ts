import { Readable } from "node:stream";
import { type Options, parse } from "csv-parse";
import { DomainError } from "../../domain/errors.ts";
import {
  detectLayout,
  duplicateProblem,
  type FrameworkLayout,
  MAX_REPORTED_ROW_ERRORS,
  MAX_SKILL_ROWS,
  toSkill,
} from "../../domain/skills/framework-rows.ts";
import type { SkillRecord } from "../../domain/skills/types.ts";

export type RowError = { line: number; message: string };
export type ParsedFramework = { layout: FrameworkLayout; skills: SkillRecord[]; errors: RowError[] };

/** Hands back the first chunk so the header line can choose the delimiter, then the rest of the stream. */
async function peek(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  async function* rest() {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: new TextDecoder().decode(head.subarray(0, 4096)), chunks: rest() };
}

const invalidFile = (message: string) => new DomainError("validation_failed", message, { file: message });

/**
 * Streams an ESCO or O*NET file through csv-parse and validates every row.
 * Comma-separated files use CSV quoting; tab-separated ones (O*NET's .txt) are read without quoting.
 */
export async function parseFrameworkCsv(source: AsyncIterable<Uint8Array>): Promise<ParsedFramework> {
  const { head, chunks } = await peek(source);
  const headerLine = head.split(/\r?\n/, 1)[0] ?? "";
  const tabs = headerLine.includes("\t");
  const options: Options = {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    delimiter: tabs ? "\t" : ",",
    quote: tabs ? false : '"',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: 64 * 1024,
  };
  const parser = parse(options);
  const input = Readable.from(chunks);
  // pipe() does not forward errors: a source failure (such as the size limit) must end the parse.
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let layout: FrameworkLayout | undefined;
  const byCode = new Map<string, SkillRecord>();
  const errors: RowError[] = [];
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      layout ??= detectLayout(Object.keys(record));
      if (!layout) {
        throw invalidFile(
          "The columns are not ESCO's (conceptUri, preferredLabel, …) nor O*NET's (Element ID, Element Name, …).",
        );
      }
      if (++rows > MAX_SKILL_ROWS) throw invalidFile(`A framework may have at most ${MAX_SKILL_ROWS} rows.`);
      const result = toSkill(layout, record);
      const problem = !result.ok
        ? result.message
        : byCode.has(result.skill.code)
          ? duplicateProblem(layout, byCode.get(result.skill.code) as SkillRecord, result.skill)
          : undefined;
      if (problem === "skip") continue;
      if (problem !== undefined) {
        if (errors.length < MAX_REPORTED_ROW_ERRORS) errors.push({ line: info.lines, message: problem });
        else if (errors.length === MAX_REPORTED_ROW_ERRORS) break;
        continue;
      }
      if (result.ok) byCode.set(result.skill.code, result.skill);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof Error ? error.message : "unreadable";
    throw invalidFile(`The file is not valid CSV: ${message}`);
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (!layout) throw invalidFile("The file has no rows.");
  return { layout, skills: [...byCode.values()], errors };
}
