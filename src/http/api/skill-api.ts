import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../app/ports.ts";
import { MAX_SKILL_RESULTS, searchSkillsWithKey } from "../../app/skills/search-skills.ts";
import { DomainError } from "../../domain/errors.ts";
import type { SkillHit } from "../../domain/skills/types.ts";
import type { AppEnv } from "../env.ts";
import { problemResponses } from "./schemas.ts";

export const SkillSchema = z
  .object({
    id: z.uuid(),
    code: z.string().openapi({ example: "cairn:data-literacy" }),
    name: z.string().openapi({ example: "Data literacy" }),
    description: z.string().nullable(),
    url: z
      .string()
      .nullable()
      .openapi({ description: "The skill's address: an OB 3.0 alignment's targetUrl" }),
    framework: z.object({
      id: z.uuid(),
      name: z.string().openapi({ example: "Cairn starter skills" }),
      source: z.enum(["cairn", "esco", "onet"]),
    }),
  })
  .openapi("Skill");

/** The JSON shape both the API and the pages' autocomplete answer with. */
export const skillJson = (s: SkillHit) => ({
  id: s.id,
  code: s.code,
  name: s.name,
  description: s.description,
  url: s.url,
  framework: { id: s.frameworkId, name: s.frameworkName, source: s.source },
});

const getSkills = createRoute({
  method: "get",
  path: "/api/v1/skills",
  tags: ["Skills"],
  summary:
    "Search skills: Cairn's starter catalog and the key's organization's frameworks (scope organization:read)",
  security: [{ apiKey: [] }],
  request: {
    query: z.object({
      q: z
        .string()
        .max(100)
        .default("")
        .openapi({ description: "Part of a name, alternative label or code" }),
      limit: z.coerce.number().int().min(1).max(MAX_SKILL_RESULTS).default(10),
    }),
  },
  responses: {
    200: {
      description: "Matching skills, names starting with the query first",
      content: { "application/json": { schema: z.object({ skills: z.array(SkillSchema) }) } },
    },
    ...problemResponses,
  },
});

export function skillApi(deps: AppDeps, api: OpenAPIHono<AppEnv>) {
  api.openapi(getSkills, async (c) => {
    const actor = c.get("actor");
    if (!actor) throw new DomainError("unauthenticated", "Send an organization API key.");
    const { q, limit } = c.req.valid("query");
    const skills = await searchSkillsWithKey(deps, actor, q, limit);
    return c.json({ skills: skills.map(skillJson) }, 200);
  });
}
