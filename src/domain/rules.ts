import { DomainError } from "./errors.ts";

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** A year on average (leap years included), for "valid for N years" spans. */
export const YEAR = 365.25 * DAY;

export const SESSION_LIFETIME = 14 * DAY;
export const EMAIL_VERIFICATION_LIFETIME = 2 * DAY;
export const PASSWORD_RESET_LIFETIME = HOUR;
export const INVITATION_LIFETIME = 14 * DAY;

/** Sign-in throttling: failures counted over a sliding window, per address and per client IP. */
export const SIGN_IN_WINDOW = 15 * MINUTE;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export const later = (now: Date, ms: number): Date => new Date(now.getTime() + ms);

export const notFound = (
  what: "organization" | "invitation" | "member" | "api_key" | "user" | "accreditation",
): DomainError => new DomainError(`${what}_not_found`, `No such ${what.replace("_", " ")}.`);

export const ROLE_LABELS_LOWER = {
  owner: "an owner",
  issuer: "an issuer",
  assessor: "an assessor",
  employer: "an employer",
  learner: "a learner",
} as const;
