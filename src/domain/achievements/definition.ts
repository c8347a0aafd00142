import { z } from "zod";

/** OB 3.0 achievement types Cairn offers; MicroCredential is the default. */
export const ACHIEVEMENT_TYPES = [
  "MicroCredential",
  "Badge",
  "Certificate",
  "Course",
  "Competency",
  "Certification",
  "License",
  "Assessment",
] as const;
export const ASSESSMENT_TYPES = [
  "written-exam",
  "oral-exam",
  "practical",
  "project",
  "portfolio",
  "peer-review",
  "quiz",
  "observation",
] as const;
export const PARTICIPATION_FORMS = ["online", "onsite", "blended"] as const;
export const SUPERVISION = ["none", "supervised-online", "supervised-onsite"] as const;
export const IDENTITY_VERIFICATION = ["none", "online", "onsite"] as const;
/** How a learner moves through it: at their own pace, or with a cohort that starts on set dates. */
export const PACING = ["self-paced", "cohort"] as const;
/** The curated sectors the public catalog filters by. */
export const INDUSTRIES = [
  "technology",
  "business-and-finance",
  "healthcare",
  "education",
  "creative",
  "manufacturing",
  "hospitality",
  "public-sector",
  "other",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `Use at most ${max} characters.`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);
const number = (message: string, max: number) =>
  z
    .union([z.literal(""), z.coerce.number({ message }).min(0, message).max(max, message)])
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const alignmentInput = z.object({
  targetName: text(200, "Name the skill."),
  targetCode: optional(200),
  targetFramework: optional(200),
  // OB 3.0 requires targetUrl on an Alignment: the page that defines the skill.
  targetUrl: z.url({
    protocol: /^https?$/,
    message: "Enter the skill's web address, starting with https://.",
  }),
});

/**
 * Everything a micro-credential definition holds: the OB 3.0 Achievement fields and the elements of the EU Council
 * Recommendation on micro-credentials (2022/C 243/02). Mandatory EU elements are required to publish, not to save a draft.
 */
export const definitionInput = z.object({
  name: text(200, "Name the micro-credential."),
  description: text(4000, "Describe what the micro-credential certifies."),
  criteria: text(4000, "Say what a learner must do to earn it."),
  achievementType: z.enum(ACHIEVEMENT_TYPES).default("MicroCredential"),
  imageId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || undefined),
  imageAlt: optional(300),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  humanCode: optional(40),
  fieldOfStudy: optional(200),
  inLanguage: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or nl-BE."),
    ])
    .optional()
    .transform((v) => v || undefined),
  related: z.array(z.url()).max(20).default([]),
  alignments: z.array(alignmentInput).max(30).default([]),
  // EU elements
  learningOutcomes: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  workloadHours: number("Enter the notional workload in hours (0–10000).", 10_000),
  ects: number("Enter the ECTS credits (0–180).", 180),
  eqfLevel: z
    .union([
      z.literal(""),
      z.coerce.number().int().min(1, "EQF levels are 1–8.").max(8, "EQF levels are 1–8."),
    ])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  assessmentType: z
    .union([z.literal(""), z.enum(ASSESSMENT_TYPES)])
    .optional()
    .transform((v) => v || undefined),
  participationForm: z
    .union([z.literal(""), z.enum(PARTICIPATION_FORMS)])
    .optional()
    .transform((v) => v || undefined),
  qualityAssurance: optional(2000),
  prerequisites: optional(2000),
  supervision: z
    .union([z.literal(""), z.enum(SUPERVISION)])
    .optional()
    .transform((v) => v || undefined),
  identityVerification: z
    .union([z.literal(""), z.enum(IDENTITY_VERIFICATION)])
    .optional()
    .transform((v) => v || undefined),
  stackability: optional(2000),
  // The offer, for the catalog: how long, how much, how it runs, for which sector
  durationWeeks: z
    .union([
      z.literal(""),
      z.coerce.number().int().min(1, "Use 1 to 520 weeks.").max(520, "Use 1 to 520 weeks."),
    ])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  hoursPerWeek: number("Enter the expected hours per week (0–80).", 80),
  /** The price in `currency`; 0 means free, absent means not stated. */
  cost: number("Enter the cost (0 for free, at most 1,000,000).", 1_000_000),
  currency: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "Use a currency code such as EUR."),
    ])
    .optional()
    .transform((v) => v || undefined),
  pacing: z
    .union([z.literal(""), z.enum(PACING)])
    .optional()
    .transform((v) => v || undefined),
  startDates: z
    .array(z.iso.date({ message: "Write start dates as YYYY-MM-DD." }))
    .max(20)
    .default([]),
  industry: z
    .union([z.literal(""), z.enum(INDUSTRIES)])
    .optional()
    .transform((v) => v || undefined),
  // Awarding rules
  statusPurpose: z.enum(["revocation", "suspension"]).default("revocation"),
  validityMonths: z
    .union([
      z.literal(""),
      z.coerce.number().int().min(1, "Use 1 to 600 months.").max(600, "Use 1 to 600 months."),
    ])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
});
export type Definition = z.output<typeof definitionInput>;

/** What publishing needs beyond a draft: every mandatory EU element. Returns field messages, empty when complete. */
export function missingForPublication(definition: Definition): Record<string, string> {
  const missing: Record<string, string> = {};
  if (definition.learningOutcomes.length === 0)
    missing.learningOutcomes = "List at least one learning outcome.";
  if (definition.workloadHours === undefined && definition.ects === undefined) {
    missing.workloadHours = "Give the notional workload in hours or ECTS.";
  }
  if (!definition.assessmentType) missing.assessmentType = "Choose the type of assessment.";
  if (!definition.participationForm) missing.participationForm = "Choose the form of participation.";
  if (!definition.qualityAssurance) missing.qualityAssurance = "Describe the quality assurance.";
  return missing;
}
