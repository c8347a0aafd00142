import { z } from "@hono/zod-openapi";
import { ORGANIZATION_ROLES } from "../../domain/roles.ts";

// Response shapes for the OpenAPI document; request shapes come from app/inputs.ts.
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: "validation_failed" }),
    instance: z.string().optional(),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ example: { email: "Enter an email address like name@example.org." } }),
  })
  .openapi("Problem");

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: "northfield-university" }),
    name: z.string(),
    website: z.string().nullable(),
    contactEmail: z.string().nullable(),
    country: z.string().nullable().openapi({ example: "NL" }),
    region: z.string().nullable(),
    description: z.string().nullable(),
    logoUrl: z.string().nullable(),
    credentialFormat: z
      .enum(["ldp", "jwt"])
      .openapi({ description: "ldp: Data Integrity eddsa-rdfc-2022; jwt: VC-JWT" }),
    didDocumentUrl: z
      .string()
      .openapi({ description: "Where the organization's did:web DID document is published" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Organization");

export const MemberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ORGANIZATION_ROLES),
    joinedAt: z.iso.datetime(),
  })
  .openapi("Member");

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(ORGANIZATION_ROLES),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .openapi("Invitation");

export const MembersSchema = z
  .object({ members: z.array(MemberSchema), invitations: z.array(InvitationSchema) })
  .openapi("Members");

export const SlugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "northfield-university" }),
});

export const problemResponses = {
  400: {
    description: "Malformed request",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  401: {
    description: "Missing or invalid API key",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  403: {
    description: "The key lacks the scope",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  404: {
    description: "No such resource for this key",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  422: { description: "Invalid fields", content: { "application/problem+json": { schema: ProblemSchema } } },
} as const;
