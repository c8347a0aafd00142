import { z } from "zod";
import { API_KEY_SCOPE_NAMES, ORGANIZATION_ROLES } from "../domain/roles.ts";

// The shapes every edge (API, forms, CLI) validates against, so a rule is written once.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter an email address like name@example.org.")
  .max(254);
export const password = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");
export const personName = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(120, "Use at most 120 characters.");

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/,
    "Use 3–40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
  );

export const signUpInput = z.object({ email, name: personName, password });
export const signInInput = z.object({ email, password: z.string().min(1, "Enter your password.") });
export const passwordResetRequestInput = z.object({ email });
export const passwordResetInput = z.object({ password });

export const organizationProfileInput = z.object({
  name: z.string().trim().min(2, "Enter the organization's name.").max(120, "Use at most 120 characters."),
  website: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https?$/, message: "Enter a web address starting with https://." }),
    ])
    .nullable()
    .optional()
    .transform((value) => value || null),
  contactEmail: z
    .union([z.literal(""), email])
    .nullable()
    .optional()
    .transform((value) => value || null),
  country: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as NL or US."),
    ])
    .nullable()
    .optional()
    .transform((value) => value || null),
  region: optionalText(120),
  description: optionalText(2000),
  credentialFormat: z
    .enum(["ldp", "jwt"], { message: "Choose Data Integrity (ldp) or VC-JWT (jwt)." })
    .default("ldp"),
});
export type OrganizationProfileInput = z.output<typeof organizationProfileInput>;

export const createOrganizationInput = organizationProfileInput.extend({ slug });

export const role = z.enum(ORGANIZATION_ROLES, {
  message: `Choose one of: ${ORGANIZATION_ROLES.join(", ")}.`,
});
export const inviteInput = z.object({ email, role });
export const changeRoleInput = z.object({ role });

export const apiKeyScope = z.enum(API_KEY_SCOPE_NAMES as [string, ...string[]]);
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it.").max(80, "Use at most 80 characters."),
  scopes: z.array(apiKeyScope).min(1, "Choose at least one scope."),
});

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml", "image/webp"] as const;
export const LOGO_MAX_BYTES = 512 * 1024;
