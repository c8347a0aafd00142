import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);
const optionalDate = (message: string) =>
  z
    .union([z.literal(""), z.coerce.date({ message })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? undefined : v))
    .refine((v) => v === undefined || !Number.isNaN(v.getTime()), { message });

/**
 * One award, however it arrives (form, CSV row, API): a recipient by email or DID, and what this award adds to
 * the definition (evidence, narrative, result, dates). Validated the same way everywhere.
 */
export const awardRequest = z
  .object({
    recipient: z
      .string()
      .trim()
      .min(1, "Give the recipient's email address or DID.")
      .max(320)
      .refine((v) => /^did:[a-z0-9]+:\S+$/.test(v) || z.email().safeParse(v).success, {
        message: "Give an email address (name@example.org) or a DID (did:…).",
      }),
    recipientName: optionalText(200),
    evidenceUrl: z
      .union([
        z.literal(""),
        z.url({ protocol: /^https?$/, message: "Evidence must be a web address starting with https://." }),
      ])
      .optional()
      .transform((v) => v || undefined),
    narrative: optionalText(4000),
    result: optionalText(100),
    issuedOn: optionalDate("Give the issue date as YYYY-MM-DD."),
    validUntil: optionalDate("Give the expiry date as YYYY-MM-DD."),
  })
  .refine((a) => !a.issuedOn || !a.validUntil || a.validUntil > a.issuedOn, {
    message: "The expiry date must come after the issue date.",
    path: ["validUntil"],
  });
export type AwardRequest = z.output<typeof awardRequest>;

export const isDid = (recipient: string) => recipient.startsWith("did:");
export const normalizedRecipient = (recipient: string) =>
  isDid(recipient) ? recipient.trim() : recipient.trim().toLowerCase();

export type AwardStatus = "active" | "suspended" | "revoked";

export type Award = {
  id: string;
  organizationId: string;
  achievementId: string;
  achievementVersion: number;
  recipientKind: "email" | "did";
  recipient: string;
  recipientName: string | null;
  credentialId: string;
  batchId: string | null;
  idempotencyKey: string;
  status: AwardStatus;
  statusReason: string | null;
  issuedAt: Date;
  validUntil: Date | null;
  replacesAwardId: string | null;
  claimTokenHash: string | null;
  claimedAt: Date | null;
  notify: boolean;
  createdBy: string | null;
  reminderSentAt: Date | null;
};

/** Months added to a date, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}
