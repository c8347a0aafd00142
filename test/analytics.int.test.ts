import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
let now = new Date("2026-03-15T10:00:00Z");
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => now });
});
afterAll(() => ctx.close());

const idFrom = (response: Response) => response.headers.get("location")?.split("/").at(-1) ?? "";

describe("issuer analytics", () => {
  it("counts verifications, shares and claims per credential and month, as charts and CSV, for members only", async () => {
    const owner = await signedUp(ctx.app, { email: "owner@analytics.test" });
    await owner.submit("/orgs", { name: "Metrics Institute", slug: "metrics" });
    const definition = {
      description: "Reads charts.",
      criteria: "Passes the chart quiz.",
      learningOutcomes: "Read a bar chart",
      workloadHours: "5",
      assessmentType: "quiz",
      participationForm: "online",
      qualityAssurance: "Peer-reviewed quiz bank.",
    };
    const charts = idFrom(
      await owner.submit("/orgs/metrics/achievements", { name: "Chart Reading", ...definition }),
    );
    const tables = idFrom(
      await owner.submit("/orgs/metrics/achievements", { name: "Table Reading", ...definition }),
    );
    for (const id of [charts, tables]) await owner.submit(`/orgs/metrics/achievements/${id}/publish`, {});
    await owner.submit(`/orgs/metrics/achievements/${charts}/award`, {
      nonce: "a-1",
      recipient: "ana@learner.test",
      recipientName: "Ana",
      notify: "yes",
    });
    await owner.submit(`/orgs/metrics/achievements/${tables}/award`, {
      nonce: "a-2",
      recipient: "ben@learner.test",
      recipientName: "Ben",
      notify: "no",
    });

    // A colleague with the issuer role reads the analytics (sessions last two weeks; the clock moves on below).
    const reader = await signedUp(ctx.app, { email: "reader@analytics.test" });
    await owner.submit("/orgs/metrics/invitations", { email: "reader@analytics.test", role: "issuer" });
    await reader.submit(
      linkIn((await mailTo(ctx, "reader@analytics.test", /invited you/)).text, "/invitations/"),
      {},
    );

    // March: Ana claims and shares; the shared page is opened twice.
    const ana = await signedUp(ctx.app, { email: "ana@learner.test" });
    await ana.submit(linkIn((await mailTo(ctx, "ana@learner.test", /Chart Reading/)).text, "/claim/"), {});
    const item = /href="\/wallet\/([0-9a-f-]{36})"/.exec(await (await ana.get("/wallet")).text())?.[1] ?? "";
    await ana.submit(`/wallet/${item}/share`, { kind: "public" });
    const share =
      /\/c\/([A-Za-z0-9_-]{10,})/.exec(await (await ana.get(`/wallet/${item}`)).text())?.[1] ?? "";
    const visitor = browserClient(ctx.app);
    expect((await visitor.get(`/c/${share}`)).status).toBe(200);
    expect((await visitor.get(`/c/${share}`)).status).toBe(200);

    // April: an employer verifies through the page and a system through the API.
    const credential = await (await ana.get(`/wallet/${item}/credential`)).json();
    now = new Date("2026-04-02T10:00:00Z");
    await visitor.get("/verify");
    expect(
      await (await visitor.submit("/verify", { text: JSON.stringify(credential), url: "" })).text(),
    ).toContain("Verified");
    expect(
      (await visitor.json("/credentials/verify", "POST", { verifiableCredential: credential })).status,
    ).toBe(200);
    // Another issuer's credential, or garbage, counts for no one.
    await visitor.submit("/verify", { text: "{}", url: "" });

    await reader.submit("/signin", { email: "reader@analytics.test", password: "correct horse battery" });
    const page = await (await reader.get("/orgs/metrics/analytics")).text();
    expect(page).toContain("Verifications per month, last 12 months, all micro-credentials");
    expect(page).toMatch(/Mar 26 2[,.]/);
    expect(page).toMatch(/Apr 26 2[,.]/);
    const csv = await (await reader.get("/orgs/metrics/analytics.csv")).text();
    expect(csv.split("\r\n")).toEqual(
      expect.arrayContaining([
        "month,micro_credential_id,micro_credential,verifications,shares,claims",
        `2026-03,${charts},Chart Reading,2,1,1`,
        `2026-04,${charts},Chart Reading,2,0,0`,
      ]),
    );
    expect(csv).not.toContain(tables);

    const filtered = await (await reader.get(`/orgs/metrics/analytics?achievement=${tables}`)).text();
    expect(filtered).toContain(
      "Verifications per month, last 12 months, &quot;Table Reading&quot;: May 25 0",
    );
    expect(filtered).not.toMatch(/Apr 26 2[,.]/);

    const outsider = await signedUp(ctx.app, { email: "outsider@analytics.test" });
    expect((await outsider.get("/orgs/metrics/analytics")).status).toBe(404);
    expect((await outsider.get("/orgs/metrics/analytics.csv")).status).toBe(404);
  });
});
