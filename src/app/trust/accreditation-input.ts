import { z } from "zod";

export const MAX_ACCREDITATION_YEARS = 10;
/** A form sends one value as a string and several as an array; none at all when no box is ticked. */
const asList = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

/** An accreditor's review as a form or the API sends it: one criterion per line, each marked met or not. */
export const accreditationInput = z.object({
  issuer: z.string().trim().min(1, "Choose the issuer you reviewed."),
  achievementId: z
    .union([z.literal(""), z.uuid("Choose a micro-credential from the list.")])
    .optional()
    .transform((v) => v || undefined),
  criteria: z
    .preprocess(asList, z.array(z.string().trim().max(300, "Keep each criterion under 300 characters.")))
    .pipe(z.array(z.string()).max(30, "Use at most 30 criteria.")),
  met: z.preprocess(asList, z.array(z.coerce.number().int().min(0))),
  comment: z
    .string()
    .trim()
    .min(10, "Summarize your finding in a sentence or more.")
    .max(4000, "Use at most 4000 characters."),
  validUntil: z.iso.date("Enter the date the accreditation ends (YYYY-MM-DD)."),
});
export type AccreditationInput = z.output<typeof accreditationInput>;
