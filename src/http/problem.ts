import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError } from "../domain/errors.ts";

/** The one table from error code to HTTP status. Pages and the API both read it. */
const STATUS: Record<string, ContentfulStatusCode> = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_link: 400,
  validation_failed: 422,
  invalid_csv: 422,
  incomplete_definition: 422,
  achievement_archived: 409,
  achievement_not_published: 409,
  invalid_logo: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  insufficient_scope: 403,
  csrf_failed: 403,
  invitation_for_other_address: 403,
  not_found: 404,
  email_taken: 409,
  slug_taken: 409,
  already_member: 409,
  idempotency_conflict: 409,
  issuer_mismatch: 422,
  no_status_entry: 409,
  award_status_conflict: 409,
  suspension_not_supported: 409,
  status_list_full: 503,
  last_owner: 409,
  award_not_removable: 409,
  share_gone: 410,
  invalid_import: 422,
  already_in_wallet: 409,
  handle_taken: 409,
  not_an_accreditor: 403,
  self_accreditation: 422,
  criteria_not_met: 422,
  review_already_submitted: 409,
  platform_admin_only: 403,
  already_sponsored: 409,
  not_aligned: 422,
  not_sharing: 409,
  candidate_unavailable: 409,
  contact_already_open: 409,
  contact_already_answered: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  not_enrolled: 403,
  quiz_not_found: 404,
  quiz_attempt_not_found: 404,
  quiz_question_not_found: 404,
  quiz_empty: 409,
  quiz_attempts_exhausted: 409,
  quiz_cooling_down: 409,
  quiz_attempt_submitted: 409,
  quiz_attempt_late: 409,
  quiz_answers_tampered: 422,
  database_locked: 503,
  already_enrolled: 409,
  invitation_required: 403,
  enrolment_decided: 409,
  module_in_rules: 409,
  project_in_rules: 409,
  course_not_ready: 409,
  internal_error: 500,
  enrolment_not_active: 409,
  submission_late: 409,
  submission_pending: 409,
  submission_already_graded: 409,
  submission_not_gradable: 409,
  peer_reviews_pending: 409,
  invalid_grade: 422,
};

export const statusFor = (code: string): ContentfulStatusCode =>
  STATUS[code] ?? (code.endsWith("_not_found") ? 404 : 500);

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: Record<string, string>;
};

export function toProblem(error: unknown, requestId?: string): Problem {
  const known =
    error instanceof DomainError
      ? error
      : new DomainError(
          "internal_error",
          "Something went wrong on our side. Try again; if it persists, tell us the request id.",
        );
  const status = statusFor(known.code);
  return {
    type: `/docs#problem-${known.code}`,
    title: known.code.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
    status,
    detail: known.message,
    code: known.code,
    ...(requestId ? { instance: `urn:cairn:request:${requestId}` } : {}),
    ...(known.fields ? { errors: known.fields } : {}),
  };
}

/** RFC 9457 problem details; internals never leave the server (the log has them, under the request id). */
export function problemResponse(c: Context, error: unknown): Response {
  const problem = toProblem(error, c.get("requestId"));
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
  });
}

/** Field messages from a failed zod parse, keyed by the first path segment. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

export const validationError = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new DomainError("validation_failed", "Some fields need attention.", fieldErrors(issues));
