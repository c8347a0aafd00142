import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext({ bodyLimit: 64 * 1024 });
});
afterAll(() => ctx.close());

let counter = 0;
async function organizationWithKey(
  scopes: string[],
): Promise<{ owner: BrowserClient; slug: string; key: string }> {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `api-owner-${n}@example.org` });
  const slug = `api-org-${n}`;
  await owner.submit("/orgs", { name: `API Org ${n}`, slug });
  const created = await owner.submit(`/orgs/${slug}/api-keys`, { name: "LMS", scopes });
  expect(created.status).toBe(200);
  const key = /value="(cairn_[A-Za-z0-9_-]+)"/.exec(await created.text())?.[1];
  if (!key) throw new Error("the new key was not shown");
  return { owner, slug, key };
}

describe("JSON API with organization API keys", () => {
  it("shows a new key once and stores only its digest", async () => {
    const { owner, slug, key } = await organizationWithKey(["organization:read"]);
    const listing = await (await owner.get(`/orgs/${slug}/api-keys`)).text();
    expect(listing).not.toContain(key);
    expect(listing).toContain("LMS");
    const org = await ctx.deps.uow((r) => r.organizations.findBySlug(slug));
    const [stored] = await ctx.deps.uow((r) => r.apiKeys.list(org?.id ?? ""));
    const row = await ctx.deps.uow((r) => r.apiKeys.findByPrefix(stored?.prefix ?? ""));
    expect(row?.secretHash).toBeDefined();
    expect(key).not.toContain(row?.secretHash ?? "-");
  });

  it("reads the organization with a Bearer key", async () => {
    const { slug, key } = await organizationWithKey(["organization:read"]);
    const response = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      slug,
      name: expect.stringContaining("API Org"),
      logoUrl: null,
    });
  });

  it("enforces scopes and answers problem+json", async () => {
    const { slug, key } = await organizationWithKey(["organization:read"]);
    const response = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Changed" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 403, code: "insufficient_scope" });
  });

  it("updates the profile and invites members with write scopes, with field-level errors", async () => {
    const { slug, key } = await organizationWithKey([
      "organization:read",
      "organization:write",
      "members:read",
      "members:write",
    ]);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const patched = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ region: "Flanders", country: "be" }),
    });
    expect(await patched.json()).toMatchObject({ region: "Flanders", country: "BE" });
    const invalid = await ctx.app.request(`/api/v1/orgs/${slug}/invitations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "nope", role: "king" }),
    });
    expect(invalid.status).toBe(422);
    const problem = (await invalid.json()) as { code: string; errors: Record<string, string> };
    expect(problem.code).toBe("validation_failed");
    expect(Object.keys(problem.errors)).toEqual(expect.arrayContaining(["email", "role"]));
    const invited = await ctx.app.request(`/api/v1/orgs/${slug}/invitations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "new@example.org", role: "assessor" }),
    });
    expect(invited.status).toBe(201);
    const members = (await (await ctx.app.request(`/api/v1/orgs/${slug}/members`, { headers })).json()) as {
      members: unknown[];
      invitations: unknown[];
    };
    expect(members.invitations).toEqual([
      expect.objectContaining({ email: "new@example.org", role: "assessor" }),
    ]);
    expect(members.members).toHaveLength(1);
  });

  it("never lets one organization's key read or change another organization (404)", async () => {
    const a = await organizationWithKey([
      "organization:read",
      "organization:write",
      "members:read",
      "members:write",
    ]);
    const b = await organizationWithKey(["organization:read"]);
    const headers = { authorization: `Bearer ${a.key}`, "content-type": "application/json" };
    for (const [method, path, body] of [
      ["GET", `/api/v1/orgs/${b.slug}`, undefined],
      ["PATCH", `/api/v1/orgs/${b.slug}`, { name: "Taken over" }],
      ["GET", `/api/v1/orgs/${b.slug}/members`, undefined],
      ["POST", `/api/v1/orgs/${b.slug}/invitations`, { email: "spy@example.org", role: "owner" }],
    ] as const) {
      const response = await ctx.app.request(path, { method, headers, body: body && JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const response = await ctx.app.request(`/api/v1/orgs/${b.slug}`, {
      headers: { authorization: `Bearer ${b.key}` },
    });
    const org = (await response.json()) as { name: string };
    expect(org.name).not.toBe("Taken over");
  });

  it("refuses missing, unknown and revoked keys with 401", async () => {
    const { owner, slug, key } = await organizationWithKey(["organization:read"]);
    expect((await ctx.app.request(`/api/v1/orgs/${slug}`)).status).toBe(401);
    const unknown = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      headers: { authorization: `Bearer ${key.slice(0, -4)}abcd` },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("Bearer");
    const org = await ctx.deps.uow((r) => r.organizations.findBySlug(slug));
    const [stored] = await ctx.deps.uow((r) => r.apiKeys.list(org?.id ?? ""));
    expect((await owner.submit(`/orgs/${slug}/api-keys/${stored?.id}/revoke`, {})).status).toBe(303);
    expect(
      (await ctx.app.request(`/api/v1/orgs/${slug}`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(401);
  });

  it("answers malformed JSON with 400 and an oversized body with 413", async () => {
    const { slug, key } = await organizationWithKey(["organization:read", "organization:write"]);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const malformed = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      method: "PATCH",
      headers,
      body: "{ not json",
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "invalid_json" });
    const huge = await ctx.app.request(`/api/v1/orgs/${slug}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ description: "x".repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("publishes an OpenAPI 3.1 document and a readable docs page", async () => {
    const spec = (await (await ctx.app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: { apiKey: { scheme: string } } };
    };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/orgs/{slug}",
        "/api/v1/orgs/{slug}/invitations",
        "/credentials/issue",
        "/credentials/verify",
      ]),
    );
    expect(spec.components.securitySchemes.apiKey.scheme).toBe("bearer");
    const docs = await (await ctx.app.request("/docs")).text();
    expect(docs).toContain("/orgs/{slug}/members");
  });

  it("answers unknown API paths with a problem, unknown pages with a page", async () => {
    const api = await ctx.app.request("/api/v1/nothing-here", { headers: { authorization: "Bearer x" } });
    expect(api.status).toBe(401);
    const page = await ctx.app.request("/nothing-here");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});
