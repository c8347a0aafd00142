import { z } from "zod";
import { skillKeyOf } from "../../domain/talent/skill-rows.ts";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);

const level = z
  .union([
    z.literal(""),
    z.coerce.number().int("EQF levels are 1–8.").min(1, "EQF levels are 1–8.").max(8, "EQF levels are 1–8."),
  ])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const requiredSkillInput = z.object({
  name: z.string().trim().min(1, "Name the skill.").max(200, "Use at most 200 characters."),
  code: optional(200),
  framework: optional(200),
  minLevel: level,
});

export const MAX_PROFILE_SKILLS = 30;

/** A role profile: a name and one to thirty required skills, none twice (by code, else by name). */
export const roleProfileInput = z
  .object({
    name: z.string().trim().min(1, "Name the role.").max(120, "Use at most 120 characters."),
    description: optional(1000),
    skills: z
      .array(requiredSkillInput)
      .min(1, "Add at least one required skill.")
      .max(MAX_PROFILE_SKILLS, `A role needs at most ${MAX_PROFILE_SKILLS} skills.`),
  })
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    for (const skill of profile.skills) {
      const key = skillKeyOf(skill);
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["skills"], message: `“${skill.name}” is listed twice.` });
      }
      seen.add(key);
    }
  });
export type RoleProfileInput = z.output<typeof roleProfileInput>;

const profileId = z
  .union([z.literal(""), z.uuid("Choose a role profile.")])
  .optional()
  .transform((v) => v || null);

export const employeeInviteInput = z.object({
  email: z
    .email("Enter an email address like name@example.org.")
    .trim()
    .transform((v) => v.toLowerCase()),
  name: optional(200),
  roleProfileId: profileId,
});
export type EmployeeInviteInput = z.output<typeof employeeInviteInput>;

export const employeeProfileInput = z.object({ roleProfileId: profileId });

export const sponsorInput = z.object({
  memberId: z.uuid("Choose an employee."),
  achievementId: z.uuid("Choose a micro-credential."),
  skillKey: optional(200),
  note: optional(1000),
});
export type SponsorInput = z.output<typeof sponsorInput>;

export const sponsorshipAnswerInput = z.object({ answer: z.enum(["accepted", "declined"]) });
