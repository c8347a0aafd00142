import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);
const optionalInt = (min: number, max: number, message: string) =>
  z
    .union([z.literal(""), z.coerce.number({ message }).int(message).min(min, message).max(max, message)])
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const PAGE_SIZE = 20;

/** The search form, read from the URL: every filter is optional; an empty form searches nothing. */
export const talentSearchQuery = z.object({
  skill: optionalText(200),
  achievement: optionalText(200),
  issuer: optionalText(300),
  accredited: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
  level: optionalInt(1, 8, "Choose an EQF level from 1 to 8."),
  months: optionalInt(1, 240, "Enter a number of months from 1 to 240."),
  limit: optionalInt(1, 50, "Show 1 to 50 results a page.").transform((v) => v ?? PAGE_SIZE),
  offset: optionalInt(0, 10_000, "That page is out of range.").transform((v) => v ?? 0),
});
export type TalentSearchQuery = z.output<typeof talentSearchQuery>;

export const talentConsentInput = z.object({
  headline: optionalText(140),
  location: optionalText(100),
});
export type TalentConsentInput = z.output<typeof talentConsentInput>;

export const talentContactInput = z.object({
  subject: z.string().trim().min(1, "Give your message a subject.").max(140, "Use at most 140 characters."),
  message: z
    .string()
    .trim()
    .min(20, "Write at least a few sentences (20 characters or more).")
    .max(4000, "Use at most 4,000 characters."),
});
export type TalentContactInput = z.output<typeof talentContactInput>;

export const talentAnswerInput = z
  .object({
    answer: z.enum(["accept", "decline"], { message: "Choose to accept or decline." }),
    reply: optionalText(4000),
  })
  .refine((v) => v.answer === "decline" || v.reply !== undefined, {
    path: ["reply"],
    message: "Write a reply: it goes to the employer with your email address.",
  });
export type TalentAnswerInput = z.output<typeof talentAnswerInput>;
