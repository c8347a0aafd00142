import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const userByEmail = (email: string) => ctx.deps.uow((r) => r.users.findByEmail(email));

describe("accounts", () => {
  it("makes the first account on an empty install the platform admin, and no later one", async () => {
    await signedUp(ctx.app, { email: "first@example.org" });
    await signedUp(ctx.app, { email: "second@example.org" });
    expect((await userByEmail("first@example.org"))?.isPlatformAdmin).toBe(true);
    expect((await userByEmail("second@example.org"))?.isPlatformAdmin).toBe(false);
  });

  it("signs up with a session cookie that is HTTP-only and SameSite", async () => {
    const client = browserClient(ctx.app);
    await client.get("/signup");
    const response = await client.submit("/signup", {
      name: "Mia",
      email: "Mia@Example.org ",
      password: "a long password",
    });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("cairn_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await client.get("/account")).status).toBe(200);
    expect(await (await client.get("/account")).text()).toContain("mia@example.org");
  });

  it("answers bad sign-up input with field messages and keeps nothing", async () => {
    const client = browserClient(ctx.app);
    const response = await client.submit("/signup", { name: "", email: "not-an-email", password: "short" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Enter your name.");
    expect(html).toContain("Enter an email address like name@example.org.");
    expect(html).toContain("Use at least 10 characters.");
    expect(await userByEmail("not-an-email")).toBeUndefined();
  });

  it("refuses a duplicate email with a clear message", async () => {
    await signedUp(ctx.app, { email: "dup@example.org" });
    const response = await browserClient(ctx.app).submit("/signup", {
      name: "Dup",
      email: "DUP@example.org",
      password: "another password",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("An account with this email address already exists");
  });

  it("refuses a form without the CSRF token", async () => {
    const client = browserClient(ctx.app);
    await client.get("/");
    const response = await client.submit(
      "/signup",
      { name: "X", email: "csrf@example.org", password: "long enough pw" },
      { csrf: "forged" },
    );
    expect(response.status).toBe(403);
    expect(await userByEmail("csrf@example.org")).toBeUndefined();
  });

  it("verifies the email address through a single-use mailed link", async () => {
    const client = await signedUp(ctx.app, { email: "verify@example.org", name: "Vera" });
    const mail = await mailTo(ctx, "verify@example.org", /Confirm your email/);
    expect(mail.text).toContain("Hello Vera");
    const link = linkIn(mail.text, "/verify-email/");
    expect((await client.get(link)).status).toBe(200);
    expect((await userByEmail("verify@example.org"))?.emailVerifiedAt).toBeNull();
    expect((await client.submit(link, {})).status).toBe(303);
    expect((await userByEmail("verify@example.org"))?.emailVerifiedAt).toBeInstanceOf(Date);
    const again = await client.submit(link, {});
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("invalid, expired or already used");
  });

  it("signs in and out", async () => {
    await signedUp(ctx.app, { email: "inout@example.org", password: "my password 1" });
    const client = browserClient(ctx.app);
    const response = await client.submit("/signin?next=/account", {
      email: "inout@example.org",
      password: "my password 1",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account");
    expect((await client.get("/account")).status).toBe(200);
    await client.submit("/signout", {});
    expect((await client.get("/account")).status).toBe(303);
  });

  it("never redirects off-site after sign-in", async () => {
    await signedUp(ctx.app, { email: "next@example.org", password: "my password 1" });
    const response = await browserClient(ctx.app).submit("/signin?next=//evil.example", {
      email: "next@example.org",
      password: "my password 1",
    });
    expect(response.headers.get("location")).toBe("/orgs");
  });

  it("rejects a wrong password and throttles after five failures", async () => {
    await signedUp(ctx.app, { email: "throttle@example.org", password: "the right one!" });
    const client = browserClient(ctx.app);
    for (let i = 0; i < 5; i++) {
      const wrong = await client.submit("/signin", {
        email: "throttle@example.org",
        password: "wrong password",
      });
      expect(wrong.status).toBe(401);
    }
    const locked = await client.submit("/signin", {
      email: "throttle@example.org",
      password: "the right one!",
    });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many failed sign-in attempts");
  });

  it("resets a password through a mailed link, signing out other sessions", async () => {
    const old = await signedUp(ctx.app, { email: "reset@example.org", password: "old password 1" });
    const client = browserClient(ctx.app);
    const asked = await client.submit("/password/forgot", { email: "reset@example.org" });
    expect(asked.status).toBe(303);
    const unknown = await client.submit("/password/forgot", { email: "nobody@example.org" });
    expect(unknown.status).toBe(303);
    const mail = await mailTo(ctx, "reset@example.org", /Reset your Cairn password/);
    const link = linkIn(mail.text, "/password/reset/");
    const weak = await client.submit(link, { password: "short" });
    expect(weak.status).toBe(422);
    expect((await client.submit(link, { password: "new password 2" })).status).toBe(303);
    expect((await client.submit(link, { password: "new password 3" })).status).toBe(400);
    expect((await old.get("/account")).status).toBe(303);
    const signIn = await browserClient(ctx.app).submit("/signin", {
      email: "reset@example.org",
      password: "new password 2",
    });
    expect(signIn.status).toBe(303);
  });

  it("serves health and readiness", async () => {
    expect(await (await ctx.app.request("/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await ctx.app.request("/readyz")).json()).toMatchObject({
      status: "ready",
      database: true,
      migrations: true,
    });
  });

  it("sends security headers and a request id on every response", async () => {
    const response = await ctx.app.request("/");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
  });
});
