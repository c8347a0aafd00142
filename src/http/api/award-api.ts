import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { awardCredential } from "../../app/awards/award-credential.ts";
import type { AppDeps } from "../../app/ports.ts";
import { type Award, awardRequest } from "../../domain/awards/award-request.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";
import { problemResponses } from "./schemas.ts";

const AwardSchema = z
  .object({
    id: z.uuid(),
    achievementId: z.uuid(),
    achievementVersion: z.number().int(),
    recipient: z.string(),
    credentialId: z.string(),
    status: z.enum(["active", "suspended", "revoked"]),
    issuedAt: z.iso.datetime(),
    validUntil: z.iso.datetime().nullable(),
  })
  .openapi("Award");

const postAward = createRoute({
  method: "post",
  path: "/api/v1/awards",
  tags: ["Awards"],
  summary:
    "Award a published micro-credential to one recipient (scope credentials:issue). Send Idempotency-Key: a retry returns the same award.",
  security: [{ apiKey: [] }],
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ achievementId: z.uuid(), notify: z.boolean().default(true) }).and(awardRequest),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Awarded",
      content: { "application/json": { schema: z.object({ award: AwardSchema, credential: z.unknown() }) } },
    },
    200: {
      description: "Replayed: this Idempotency-Key already made this award",
      content: { "application/json": { schema: z.object({ award: AwardSchema, credential: z.unknown() }) } },
    },
    ...problemResponses,
  },
});

export const awardJson = (a: Award) => ({
  id: a.id,
  achievementId: a.achievementId,
  achievementVersion: a.achievementVersion,
  recipient: a.recipient,
  credentialId: a.credentialId,
  status: a.status,
  issuedAt: a.issuedAt.toISOString(),
  validUntil: a.validUntil?.toISOString() ?? null,
});

export function awardApi(deps: AppDeps, api: OpenAPIHono<AppEnv>) {
  api.openapi(postAward, async (c) => {
    const actor = c.get("actor");
    if (actor?.kind !== "api_key") throw new DomainError("unauthenticated", "Send an organization API key.");
    const organization = await deps.uow((r) => r.organizations.findById(actor.organizationId));
    if (!organization) throw new DomainError("unauthenticated", "This API key's organization is gone.");
    const { achievementId, notify, ...request } = c.req.valid("json");
    const idempotencyKey = c.req.header("idempotency-key") ?? `api:${deps.newId()}`;
    const result = await awardCredential(deps, actor, organization.slug, achievementId, request, {
      idempotencyKey,
      notify,
    });
    const body = { award: awardJson(result.award), credential: result.credential };
    return result.created ? c.json(body, 201) : c.json(body, 200);
  });
}
