import { z } from "zod";
import { AWARD_STATUSES } from "./award-view.ts";

export const LIFECYCLE_ACTIONS = ["revoke", "suspend", "unsuspend"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

const uuid = z.string().regex(/^[0-9a-f-]{36}$/, "Choose awards from the list.");

/** A status change of one award or many: the form, the bulk form and any API give the same shape. */
export const statusChangeInput = z.object({
  action: z.enum(LIFECYCLE_ACTIONS, { message: "Choose revoke, suspend or unsuspend." }),
  reason: z
    .string({ message: "Give a reason: verifiers see it." })
    .trim()
    .min(1, "Give a reason: verifiers see it.")
    .max(500, "Use at most 500 characters."),
  awardIds: z
    .union([uuid, z.array(uuid)], { message: "Choose at least one award." })
    .transform((v) => [...new Set(([] as string[]).concat(v))])
    .refine((v) => v.length >= 1, "Choose at least one award.")
    .refine((v) => v.length <= 1000, "Change at most 1,000 awards at once."),
});
export type StatusChange = z.output<typeof statusChangeInput>;

export const renewalInput = z.object({
  validUntil: z
    .string({ message: "Give the new expiry date as YYYY-MM-DD." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the new expiry date as YYYY-MM-DD.")
    .transform((v) => new Date(`${v}T23:59:59Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Give the new expiry date as YYYY-MM-DD."),
});

/** The award list's query string: search, filters and page. Bad values fall back to no filter. */
export const awardListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  achievement: uuid.optional().catch(undefined),
  status: z.enum(AWARD_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AwardListQuery = z.output<typeof awardListQuery>;
