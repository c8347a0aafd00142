/**
 * The one error type use cases throw. `code` is snake_case and stable: http/problem.ts maps it to a status,
 * pages and the CLI show `message`. `fields` carries per-field messages for forms.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fields = fields;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
