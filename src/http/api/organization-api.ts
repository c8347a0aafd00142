import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { changeRoleInput, inviteInput, organizationProfileInput } from "../../app/inputs.ts";
import { inviteMember } from "../../app/members/invite-member.ts";
import {
  changeMemberRole,
  listMembers,
  removeMember,
  revokeInvitation,
} from "../../app/members/manage-members.ts";
import { getOrganization, updateOrganization } from "../../app/organizations/organization-profile.ts";
import type { AppDeps } from "../../app/ports.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Invitation, Organization } from "../../domain/types.ts";
import type { AppEnv } from "../env.ts";
import {
  InvitationSchema,
  MembersSchema,
  OrganizationSchema,
  problemResponses,
  SlugParam,
} from "./schemas.ts";

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const security = [{ apiKey: [] }];

const organizationJson = (publicUrl: string, o: Organization) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  website: o.website,
  contactEmail: o.contactEmail,
  country: o.country,
  region: o.region,
  description: o.description,
  logoUrl: o.hasLogo ? `${publicUrl}/orgs/${o.slug}/logo` : null,
  credentialFormat: o.credentialFormat,
  didDocumentUrl: `${publicUrl}/orgs/${o.slug}/did.json`,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
const invitationJson = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

const getOrg = createRoute({
  method: "get",
  path: "/api/v1/orgs/{slug}",
  tags: ["Organizations"],
  summary: "Read the organization profile (scope organization:read)",
  security,
  request: { params: SlugParam },
  responses: { 200: json(OrganizationSchema, "The organization"), ...problemResponses },
});
const patchOrg = createRoute({
  method: "patch",
  path: "/api/v1/orgs/{slug}",
  tags: ["Organizations"],
  summary: "Change profile fields; omitted fields keep their value (scope organization:write)",
  security,
  request: {
    params: SlugParam,
    body: { content: { "application/json": { schema: organizationProfileInput.partial() } }, required: true },
  },
  responses: { 200: json(OrganizationSchema, "The updated organization"), ...problemResponses },
});
const getMembers = createRoute({
  method: "get",
  path: "/api/v1/orgs/{slug}/members",
  tags: ["Members"],
  summary: "List members and open invitations (scope members:read)",
  security,
  request: { params: SlugParam },
  responses: { 200: json(MembersSchema, "Members and open invitations"), ...problemResponses },
});
const postInvitation = createRoute({
  method: "post",
  path: "/api/v1/orgs/{slug}/invitations",
  tags: ["Members"],
  summary: "Invite someone by email with a role; they receive a link (scope members:write)",
  security,
  request: {
    params: SlugParam,
    body: { content: { "application/json": { schema: inviteInput } }, required: true },
  },
  responses: {
    201: json(InvitationSchema, "The invitation"),
    409: problemResponses[404],
    ...problemResponses,
  },
});
const deleteInvitation = createRoute({
  method: "delete",
  path: "/api/v1/orgs/{slug}/invitations/{id}",
  tags: ["Members"],
  summary: "Withdraw an open invitation (scope members:write)",
  security,
  request: { params: SlugParam.extend({ id: z.uuid() }) },
  responses: { 204: { description: "Withdrawn" }, ...problemResponses },
});
const patchMember = createRoute({
  method: "patch",
  path: "/api/v1/orgs/{slug}/members/{userId}",
  tags: ["Members"],
  summary: "Change a member's role (scope members:write)",
  security,
  request: {
    params: SlugParam.extend({ userId: z.uuid() }),
    body: { content: { "application/json": { schema: changeRoleInput } }, required: true },
  },
  responses: { 204: { description: "Changed" }, ...problemResponses },
});
const deleteMember = createRoute({
  method: "delete",
  path: "/api/v1/orgs/{slug}/members/{userId}",
  tags: ["Members"],
  summary: "Remove a member (scope members:write)",
  security,
  request: { params: SlugParam.extend({ userId: z.uuid() }) },
  responses: { 204: { description: "Removed" }, ...problemResponses },
});

export function organizationApi(deps: AppDeps, api: OpenAPIHono<AppEnv>) {
  const actor = (c: { get(key: "actor"): AppEnv["Variables"]["actor"] }) => {
    const value = c.get("actor");
    if (!value) throw new DomainError("unauthenticated", "Send an organization API key.");
    return value;
  };

  api.openapi(getOrg, async (c) => {
    const { organization } = await getOrganization(deps, actor(c), c.req.valid("param").slug);
    return c.json(organizationJson(deps.publicUrl, organization), 200);
  });
  api.openapi(patchOrg, async (c) => {
    const { slug } = c.req.valid("param");
    const { organization } = await getOrganization(deps, actor(c), slug);
    const changes = c.req.valid("json");
    const merged = organizationProfileInput.parse({ ...organization, ...changes });
    const updated = await updateOrganization(deps, actor(c), slug, merged);
    return c.json(organizationJson(deps.publicUrl, updated), 200);
  });
  api.openapi(getMembers, async (c) => {
    const { members, invitations } = await listMembers(deps, actor(c), c.req.valid("param").slug);
    return c.json(
      {
        members: members.map((m) => ({
          userId: m.userId,
          name: m.name,
          email: m.email,
          role: m.role,
          joinedAt: m.createdAt.toISOString(),
        })),
        invitations: invitations.map(invitationJson),
      },
      200,
    );
  });
  api.openapi(postInvitation, async (c) => {
    const invitation = await inviteMember(deps, actor(c), c.req.valid("param").slug, c.req.valid("json"));
    return c.json(invitationJson(invitation), 201);
  });
  api.openapi(deleteInvitation, async (c) => {
    const { slug, id } = c.req.valid("param");
    await revokeInvitation(deps, actor(c), slug, id);
    return c.body(null, 204);
  });
  api.openapi(patchMember, async (c) => {
    const { slug, userId } = c.req.valid("param");
    await changeMemberRole(deps, actor(c), slug, userId, c.req.valid("json").role);
    return c.body(null, 204);
  });
  api.openapi(deleteMember, async (c) => {
    const { slug, userId } = c.req.valid("param");
    await removeMember(deps, actor(c), slug, userId);
    return c.body(null, 204);
  });
}
