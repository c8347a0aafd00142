import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { recordVerification, signatureHolds } from "../../app/analytics/record-verification.ts";
import { issueCredential } from "../../app/issuing/issue-credential.ts";
import { getDidDocument } from "../../app/issuing/issuer-keys.ts";
import { getStatusListCredential } from "../../app/issuing/status-lists.ts";
import { updateCredentialStatus } from "../../app/issuing/update-credential-status.ts";
import type { AppDeps, Verifier } from "../../app/ports.ts";
import cairnMicroCredentialContext from "../../credentials/contexts/cairn-micro-credential-v1.json" with {
  type: "json",
};
import { DomainError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";
import { problemResponses } from "./schemas.ts";

const Json = z.record(z.string(), z.unknown());
const security = [{ apiKey: [] }];
const VerificationReportSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(
      z.object({ id: z.string(), status: z.enum(["passed", "failed", "skipped"]), message: z.string() }),
    ),
    warnings: z.array(z.unknown()),
    errors: z.array(z.unknown()),
    credential: Json.optional(),
  })
  .openapi("VerificationReport");

const issueRoute = createRoute({
  method: "post",
  path: "/credentials/issue",
  tags: ["Credentials (VC-API)"],
  summary:
    "Sign a credential as the key's organization (scope credentials:issue); send Idempotency-Key to make retries safe",
  security,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            credential: Json,
            options: z
              .object({
                statusPurpose: z.enum(["revocation", "suspension"]).optional(),
                format: z.enum(["ldp", "jwt"]).optional(),
              })
              .passthrough()
              .optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "The signed credential", content: { "application/json": { schema: Json } } },
    ...problemResponses,
  },
});

const statusRoute = createRoute({
  method: "post",
  path: "/credentials/status",
  tags: ["Credentials (VC-API)"],
  summary:
    'Revoke or suspend (status true/"revoked"/"suspended") or reinstate (false/"active") a credential (scope credentials:issue)',
  security,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            credentialId: z.string().min(1),
            credentialStatus: z
              .array(z.object({ type: z.string().optional(), status: z.union([z.boolean(), z.string()]) }))
              .min(1),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "The new status", content: { "application/json": { schema: Json } } },
    ...problemResponses,
  },
});

const verifyBody = (field: "verifiableCredential" | "verifiablePresentation") =>
  z.object({ [field]: z.union([Json, z.string()]), options: Json.optional() }) as z.ZodType<
    Record<string, unknown>
  >;
const verifyResponses = {
  200: {
    description: "Verified: every check passed",
    content: { "application/json": { schema: VerificationReportSchema } },
  },
  400: {
    description: "Not verified: the failed checks say why",
    content: { "application/json": { schema: VerificationReportSchema } },
  },
};
const verifyCredentialRoute = createRoute({
  method: "post",
  path: "/credentials/verify",
  tags: ["Credentials (VC-API)"],
  summary:
    "Verify a credential (JSON-LD, VC-JWT, or an enveloped VC): format, proof, issuer, validity, status",
  request: {
    body: { required: true, content: { "application/json": { schema: verifyBody("verifiableCredential") } } },
  },
  responses: verifyResponses,
});
const verifyPresentationRoute = createRoute({
  method: "post",
  path: "/presentations/verify",
  tags: ["Credentials (VC-API)"],
  summary: "Verify a presentation and every credential in it",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: verifyBody("verifiablePresentation") } },
    },
  },
  responses: verifyResponses,
});

const truthy = (status: boolean | string) =>
  typeof status === "boolean" ? status : ["1", "true", "revoked", "suspended"].includes(status.toLowerCase());

/** Unwraps a VC 2.0 EnvelopedVerifiableCredential ("data:application/vc+jwt,<jwt>") to the JWT. */
const unwrap = (value: unknown) => {
  const id = (value as { type?: unknown; id?: unknown } | null)?.id;
  return typeof id === "string" && id.startsWith("data:application/vc+jwt,")
    ? id.slice("data:application/vc+jwt,".length)
    : value;
};

export function credentialApi(deps: AppDeps, verifier: Verifier, api: OpenAPIHono<AppEnv>) {
  const keyActor = (actor: AppEnv["Variables"]["actor"]) => {
    if (actor?.kind !== "api_key") throw new DomainError("unauthenticated", "Send an organization API key.");
    return actor;
  };
  const slugOf = async (organizationId: string) => {
    const organization = await deps.uow((r) => r.organizations.findById(organizationId));
    if (!organization) throw new DomainError("unauthenticated", "This API key's organization is gone.");
    return organization.slug;
  };

  api.openapi(issueRoute, async (c) => {
    const actor = keyActor(c.get("actor"));
    const { credential, options } = c.req.valid("json");
    const result = await issueCredential(deps, actor, await slugOf(actor.organizationId), {
      credential,
      options,
      idempotencyKey: c.req.header("idempotency-key"),
    });
    const body =
      typeof result.credential === "string"
        ? {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            type: "EnvelopedVerifiableCredential",
            id: `data:application/vc+jwt,${result.credential}`,
          }
        : result.credential;
    return c.json(body, result.replayed ? (200 as 201) : 201);
  });

  api.openapi(statusRoute, async (c) => {
    const actor = keyActor(c.get("actor"));
    const { credentialId, credentialStatus } = c.req.valid("json");
    const set = credentialStatus.some((entry) => truthy(entry.status));
    const result = await updateCredentialStatus(deps, actor, await slugOf(actor.organizationId), {
      credentialId,
      set,
    });
    return c.json(result, 200);
  });

  const verifyRoute =
    (field: "verifiableCredential" | "verifiablePresentation") =>
    async (c: {
      req: { valid(t: "json"): Record<string, unknown> };
      json: (b: unknown, s: 200 | 400) => Response;
    }) => {
      const body = c.req.valid("json");
      const options = (body.options ?? {}) as { acceptAnyCredential?: unknown };
      const report = await verifier.verify(unwrap(body[field]), {
        acceptAnyCredential: options.acceptAnyCredential !== false,
      });
      const id = report.credential?.id;
      if (signatureHolds(report.checks) && typeof id === "string") await recordVerification(deps, id, "api");
      const errors = report.checks
        .filter((check) => check.status === "failed")
        .map((check) => ({ id: check.id, message: check.message }));
      return c.json({ ...report, warnings: [], errors }, report.verified ? 200 : 400);
    };
  api.openapi(verifyCredentialRoute, verifyRoute("verifiableCredential") as never);
  api.openapi(verifyPresentationRoute, verifyRoute("verifiablePresentation") as never);
}

/** Public documents other verifiers fetch: DID documents and status lists, cacheable. */
export function publicCredentialDocuments(deps: AppDeps) {
  const documents = new OpenAPIHono<AppEnv>();
  documents.get("/orgs/:slug/did.json", async (c) => {
    const document = await getDidDocument(deps, c.req.param("slug"));
    return c.body(JSON.stringify(document), 200, {
      "content-type": "application/did+json",
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
    });
  });
  documents.get("/contexts/micro-credential-v1.jsonld", (c) =>
    c.body(JSON.stringify(cairnMicroCredentialContext, null, 2), 200, {
      "content-type": "application/ld+json",
      "cache-control": "public, max-age=86400",
      "access-control-allow-origin": "*",
    }),
  );
  documents.get("/status-lists/:id", async (c) => {
    const { credential, version } = await getStatusListCredential(deps, c.req.param("id"));
    const etag = `"${c.req.param("id")}.${version}"`;
    const headers = {
      etag,
      "cache-control": "public, max-age=60, must-revalidate",
      "access-control-allow-origin": "*",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(JSON.stringify(credential), 200, { ...headers, "content-type": "application/vc+ld+json" });
  });
  return documents;
}
