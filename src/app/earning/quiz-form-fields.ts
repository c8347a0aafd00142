import type { z } from "zod";
import { DomainError } from "../../domain/errors.ts";

/** Parses an editor form; each problem is reported on the field (the first path segment) it belongs to. */
export function parseFields<S extends z.ZodType>(schema: S, form: unknown): z.output<S> {
  const parsed = schema.safeParse(form);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new DomainError("validation_failed", "Some fields need attention.", fields);
}
