import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
const unique = (base: string) => `${base}-${++counter}`;

async function ownerWithOrganization(): Promise<{ owner: BrowserClient; slug: string; email: string }> {
  const email = `${unique("owner")}@example.org`;
  const owner = await signedUp(ctx.app, { email });
  const slug = unique("academy");
  const response = await owner.submit("/orgs", {
    name: `Academy ${slug}`,
    slug,
    website: "https://academy.example.org",
    country: "nl",
  });
  expect(response.status).toBe(303);
  return { owner, slug, email };
}

async function invite(owner: BrowserClient, slug: string, email: string, role: string) {
  expect((await owner.submit(`/orgs/${slug}/invitations`, { email, role })).status).toBe(303);
  const mail = await mailTo(ctx, email, /invited you to join/);
  return linkIn(mail.text, "/invitations/");
}

describe("organizations", () => {
  it("creates an organization whose creator is owner, with a normalized profile", async () => {
    const { owner, slug } = await ownerWithOrganization();
    const page = await (await owner.get(`/orgs/${slug}`)).text();
    expect(page).toContain(`Academy ${slug}`);
    expect(page).toContain("NL");
    expect(page).toContain("Owner");
    expect(await (await owner.get("/orgs")).text()).toContain(`href="/orgs/${slug}"`);
  });

  it("refuses a taken slug and an invalid one with field messages", async () => {
    const { owner, slug } = await ownerWithOrganization();
    const taken = await owner.submit("/orgs", { name: "Another", slug });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("This address is taken");
    const bad = await owner.submit("/orgs", { name: "Bad", slug: "-Bad Slug-", website: "ftp://x" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("lowercase letters, digits and hyphens");
    expect(html).toContain("Enter a web address starting with https://");
  });

  it("lets the owner edit the profile and upload a logo", async () => {
    const { owner, slug } = await ownerWithOrganization();
    const saved = await owner.submit(`/orgs/${slug}/settings`, {
      name: "Renamed Academy",
      website: "",
      contactEmail: "hello@academy.example.org",
      country: "de",
      region: "Bavaria",
      description: "Short courses for working engineers.",
    });
    expect(saved.status).toBe(303);
    const page = await (await owner.get(`/orgs/${slug}`)).text();
    expect(page).toContain("Renamed Academy");
    expect(page).toContain("DE · Bavaria");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const uploaded = await owner.upload(
      `/orgs/${slug}/logo`,
      "logo",
      new File([png], "logo.png", { type: "image/png" }),
    );
    expect(uploaded.status).toBe(303);
    const logo = await ctx.app.request(`/orgs/${slug}/logo`);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(png);
    const wrongType = await owner.upload(
      `/orgs/${slug}/logo`,
      "logo",
      new File(["<html>"], "x.html", { type: "text/html" }),
    );
    expect(wrongType.status).toBe(422);
  });

  it("invites a colleague who signs up with the invited address and joins with the role", async () => {
    const { owner, slug } = await ownerWithOrganization();
    const email = `${unique("colleague")}@example.org`;
    const link = await invite(owner, slug, email, "issuer");
    const stranger = browserClient(ctx.app);
    const view = await (await stranger.get(link)).text();
    expect(view).toContain(`Academy ${slug}`);
    expect(view).toContain("Create an account to accept");
    const colleague = await signedUp(ctx.app, { email });
    expect((await colleague.submit(link, {})).status).toBe(303);
    const members = await (await owner.get(`/orgs/${slug}/members`)).text();
    expect(members).toContain(email);
    const user = await ctx.deps.uow((r) => r.users.findByEmail(email));
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await colleague.submit(link, {})).status).toBe(400);
  });

  it("refuses an invitation accepted by an account with another address", async () => {
    const { owner, slug } = await ownerWithOrganization();
    const link = await invite(owner, slug, `${unique("invitee")}@example.org`, "assessor");
    const other = await signedUp(ctx.app, { email: `${unique("other")}@example.org` });
    expect((await other.submit(link, {})).status).toBe(403);
  });

  it("changes roles and removes members, but never the last owner", async () => {
    const { owner, slug, email: ownerEmail } = await ownerWithOrganization();
    const email = `${unique("member")}@example.org`;
    const link = await invite(owner, slug, email, "learner");
    const member = await signedUp(ctx.app, { email });
    await member.submit(link, {});
    const org = await ctx.deps.uow((r) => r.organizations.findBySlug(slug));
    const memberUser = await ctx.deps.uow((r) => r.users.findByEmail(email));
    const ownerUser = await ctx.deps.uow((r) => r.users.findByEmail(ownerEmail));
    if (!org || !memberUser || !ownerUser) throw new Error("setup failed");

    expect((await member.submit(`/orgs/${slug}/members/${ownerUser.id}/remove`, {})).status).toBe(403);
    expect(
      (await owner.submit(`/orgs/${slug}/members/${memberUser.id}/role`, { role: "assessor" })).status,
    ).toBe(303);
    expect((await ctx.deps.uow((r) => r.memberships.find(org.id, memberUser.id)))?.role).toBe("assessor");
    const lastOwner = await owner.submit(`/orgs/${slug}/members/${ownerUser.id}/role`, { role: "issuer" });
    expect(lastOwner.status).toBe(409);
    expect(await lastOwner.text()).toContain("at least one owner");
    expect((await owner.submit(`/orgs/${slug}/members/${memberUser.id}/remove`, {})).status).toBe(303);
    expect(await ctx.deps.uow((r) => r.memberships.find(org.id, memberUser.id))).toBeUndefined();
    expect((await member.get(`/orgs/${slug}`)).status).toBe(404);
  });

  it("keeps one organization's data from another organization's members (404, hiding existence)", async () => {
    const a = await ownerWithOrganization();
    const b = await ownerWithOrganization();
    for (const path of [
      `/orgs/${b.slug}`,
      `/orgs/${b.slug}/members`,
      `/orgs/${b.slug}/settings`,
      `/orgs/${b.slug}/api-keys`,
    ]) {
      const response = await a.owner.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain(`Academy ${b.slug}`);
    }
    const writes: [string, Record<string, string>][] = [
      [`/orgs/${b.slug}/settings`, { name: "Hijacked" }],
      [`/orgs/${b.slug}/invitations`, { email: "spy@example.org", role: "owner" }],
      [`/orgs/${b.slug}/api-keys`, { name: "spy", scopes: "organization:read" }],
    ];
    for (const [path, fields] of writes) expect((await a.owner.submit(path, fields)).status, path).toBe(404);
    const missing = await a.owner.get("/orgs/no-such-org");
    expect(missing.status).toBe(404);
    const org = await ctx.deps.uow((r) => r.organizations.findBySlug(b.slug));
    expect(org?.name).toBe(`Academy ${b.slug}`);
  });
});
