import { z } from "zod";
import { pathwayProblems } from "./checks.ts";
import { MAX_AGE_MONTHS, MAX_COMPONENTS, MAX_CREDITS, MAX_DEPTH } from "./limits.ts";

/**
 * A pathway (stacked achievement) names its requirements as a tree over components. A component is one
 * achievement: of this organization (no `issuer`), of another Cairn organization or an external issuer (`issuer` is
 * that issuer's DID or URL). `credits` is what the component is worth towards this pathway (ECTS).
 */
export type ComponentNode = {
  kind: "component";
  componentId: string;
  achievementId: string;
  issuer?: string | undefined;
  credits?: number | undefined;
  label: string;
};
/** Every child is satisfied. */
export type AllNode = { kind: "all"; label?: string | undefined; children: RequirementNode[] };
/** At least `min` children are satisfied (N of M). */
export type SomeNode = { kind: "some"; min: number; label?: string | undefined; children: RequirementNode[] };
/** The satisfied children are worth at least `min` credits together. */
export type CreditsNode = {
  kind: "credits";
  min: number;
  label?: string | undefined;
  children: RequirementNode[];
};
export type RequirementNode = ComponentNode | AllNode | SomeNode | CreditsNode;

/** `order`: [before, after] component ids, the first earned no later than the second. `maxAgeMonths`: freshness. */
export type PathwayOptions = { order?: [string, string][] | undefined; maxAgeMonths?: number | undefined };
export type Pathway = { requirements: RequirementNode } & PathwayOptions;

const text = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`);
const groupLabel = text(200, "Name the group, or leave the name out.").optional();
const credits = (message: string) =>
  z.number({ error: message }).min(0, message).max(MAX_CREDITS, `Use at most ${MAX_CREDITS} credits.`);
const componentId = text(100, "Give the component an id.");

const componentSchema = z.strictObject({
  kind: z.literal("component"),
  componentId,
  achievementId: text(2000, "Give the achievement's id."),
  issuer: z
    .string({ error: "Give the issuer's DID or URL." })
    .trim()
    .max(2000, "Use at most 2000 characters.")
    .regex(/^(did:[a-z0-9]+:\S+|https?:\/\/\S+)$/, "Give the issuer as a DID (did:…) or an https:// address.")
    .optional(),
  credits: credits("Give the credits as a number of 0 or more.").optional(),
  label: text(200, "Name the component."),
});

/**
 * One schema per level, so a tree deeper than MAX_DEPTH fails with a clear message at the too-deep group
 * (instead of recursing without bound on hostile input). The root is level 1; components may sit at level 8.
 */
function nodeSchema(level: number): z.ZodType<RequirementNode> {
  const children =
    level < MAX_DEPTH
      ? z
          .array(nodeSchema(level + 1), { error: "List the group's requirements." })
          .min(1, "List at least one requirement in the group.")
          .max(MAX_COMPONENTS, `Use at most ${MAX_COMPONENTS} requirements in a group.`)
      : z.custom<never[]>(() => false, { error: `Nest requirements at most ${MAX_DEPTH} levels deep.` });
  const some = z
    .strictObject({
      kind: z.literal("some"),
      min: z.int({ error: "Say how many are needed, as a whole number." }).min(1, "Ask for at least 1."),
      label: groupLabel,
      children,
    })
    .superRefine((node, ctx) => {
      if (Array.isArray(node.children) && node.min > node.children.length) {
        const n = node.children.length;
        ctx.addIssue({
          code: "custom",
          path: ["min"],
          message: `Ask for at most ${n}: the group lists ${n}.`,
        });
      }
    });
  return z.discriminatedUnion(
    "kind",
    [
      componentSchema,
      z.strictObject({ kind: z.literal("all"), label: groupLabel, children }),
      some,
      z.strictObject({
        kind: z.literal("credits"),
        min: credits("Give the minimum credits as a number of 0 or more."),
        label: groupLabel,
        children,
      }),
    ],
    { error: 'Use kind "component", "all", "some" or "credits".' },
  );
}

export const requirementSchema: z.ZodType<RequirementNode> = nodeSchema(1);

const orderPair = z.tuple([componentId, componentId], {
  error: "Give an order as [before, after] component ids.",
});

/**
 * A pathway definition. Whole-tree rules (unique components, at most MAX_COMPONENTS, reachable credits, known and
 * acyclic order) run once the shape is valid, so each message is about a real problem.
 */
export const pathwaySchema = z
  .strictObject({
    requirements: requirementSchema,
    order: z.array(orderPair).max(1000, "Use at most 1000 orders.").optional(),
    maxAgeMonths: z
      .int({ error: "Give the maximum age in whole months." })
      .min(1, "Give the maximum age in whole months, at least 1.")
      .max(MAX_AGE_MONTHS, `Use at most ${MAX_AGE_MONTHS} months.`)
      .optional(),
  })
  .superRefine((pathway, ctx) => {
    if (ctx.issues.length > 0) return;
    for (const problem of pathwayProblems(pathway)) ctx.addIssue({ code: "custom", ...problem });
  });

export type PathwayParseResult =
  | { ok: true; pathway: Pathway }
  | { ok: false; errors: Record<string, string> };

/** Parses outside data; errors are keyed by dotted path (`requirements.children.2.min`), first message wins. */
export function parsePathway(input: unknown): PathwayParseResult {
  const parsed = pathwaySchema.safeParse(input);
  if (parsed.success) return { ok: true, pathway: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "pathway";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
