import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { batchProgress, getAwardBatch } from "../../app/awards/batches/batch-status.ts";
import { createAwardBatch } from "../../app/awards/batches/create-batch.ts";
import type { AppDeps } from "../../app/ports.ts";
import { checkRow } from "../../domain/awards/csv-awards.ts";
import { DomainError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";
import { problemResponses } from "./schemas.ts";

const MAX_API_AWARDS = 1_000;
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const security = [{ apiKey: [] }];

const text = z.string().optional();
const AwardItem = z
  .object({
    recipient: z.string().openapi({ example: "ada@example.org", description: "Email address or DID" }),
    recipientName: text,
    evidenceUrl: text.openapi({ example: "https://example.org/portfolio/ada" }),
    narrative: text,
    result: text,
    issuedOn: text.openapi({ example: "2026-06-30" }),
    validUntil: text.openapi({ example: "2028-06-30" }),
  })
  .strict()
  .openapi("BatchAwardItem");
const BatchBody = z
  .object({
    achievementId: z.uuid(),
    notify: z.boolean().default(true).openapi({ description: "Send each email recipient the award mail" }),
    awards: z.array(AwardItem).min(1).max(MAX_API_AWARDS),
  })
  .openapi("AwardBatchRequest");
const BatchSchema = z
  .object({
    id: z.uuid(),
    achievementId: z.uuid(),
    status: z.enum(["queued", "running", "done"]),
    total: z.number().int(),
    issued: z.number().int(),
    failed: z.number().int(),
    pending: z.number().int(),
    notify: z.boolean(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    errors: z.array(z.object({ row: z.number().int(), recipient: z.string(), message: z.string() })),
  })
  .openapi("AwardBatch");
const Accepted = z
  .object({ batchId: z.uuid(), status: z.string(), statusUrl: z.string() })
  .openapi("BatchAccepted");

const postBatch = createRoute({
  method: "post",
  path: "/api/v1/awards/batch",
  tags: ["Awards"],
  summary: `Award one micro-credential to up to ${MAX_API_AWARDS} recipients as a background batch (scope credentials:issue)`,
  description:
    "Every award is validated first: if any is invalid nothing is queued and the 422 problem names each one " +
    "(`awards.<index>.<field>`). Send an `Idempotency-Key` header to make retries safe: the same key answers " +
    "with the same batch. Rows are numbered from 1 in the order sent.",
  security,
  request: {
    headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
    body: { content: { "application/json": { schema: BatchBody } }, required: true },
  },
  responses: { 202: json(Accepted, "The batch is queued"), 409: problemResponses[404], ...problemResponses },
});
const getBatch = createRoute({
  method: "get",
  path: "/api/v1/awards/batches/{id}",
  tags: ["Awards"],
  summary: "A batch's progress and the rows in error (scope credentials:issue)",
  security,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: json(BatchSchema, "The batch"), ...problemResponses },
});

export function awardBatchApi(deps: AppDeps, api: OpenAPIHono<AppEnv>) {
  const keyActor = (actor: AppEnv["Variables"]["actor"]) => {
    if (actor?.kind !== "api_key") throw new DomainError("unauthenticated", "Send an organization API key.");
    return actor;
  };
  const slugOf = async (organizationId: string) => {
    const organization = await deps.uow((r) => r.organizations.findById(organizationId));
    if (!organization) throw new DomainError("organization_not_found", "No such organization.");
    return organization.slug;
  };
  const statusUrl = (id: string) => `${deps.publicUrl}/api/v1/awards/batches/${id}`;

  api.openapi(postBatch, async (c) => {
    const actor = keyActor(c.get("actor"));
    const body = c.req.valid("json");
    const seen = new Set<string>();
    const rows = body.awards.map((item, index) => checkRow(index + 1, item, seen));
    const invalid = rows.flatMap((row) => (row.ok ? [] : [row.error]));
    if (invalid.length > 0) {
      const fields = Object.fromEntries(invalid.map((error) => [`awards.${error.row - 1}`, error.message]));
      throw new DomainError("validation_failed", "Some awards need attention; nothing was queued.", fields);
    }
    const { batch } = await createAwardBatch(deps, actor, await slugOf(actor.organizationId), {
      achievementId: body.achievementId,
      notify: body.notify,
      rows,
      idempotencyKey: c.req.valid("header")["idempotency-key"],
    });
    c.header("location", statusUrl(batch.id));
    return c.json({ batchId: batch.id, status: batch.status, statusUrl: statusUrl(batch.id) }, 202);
  });
  api.openapi(getBatch, async (c) => {
    const actor = keyActor(c.get("actor"));
    const view = await getAwardBatch(
      deps,
      actor,
      await slugOf(actor.organizationId),
      c.req.valid("param").id,
    );
    return c.json(
      {
        ...batchProgress(view.batch),
        errors: view.errors.map((row) => ({
          row: row.row,
          recipient: typeof row.data.recipient === "string" ? row.data.recipient : "",
          message: row.error ?? "",
        })),
      },
      200,
    );
  });
}
