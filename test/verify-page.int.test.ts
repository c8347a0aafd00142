import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
type Json = Record<string, unknown>;

/** A learner holding one Cairn credential in their wallet, and the issuer's owner. */
async function held() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `verify-owner-${n}@example.org` });
  const slug = `verify-org-${n}`;
  await owner.submit("/orgs", { name: `Verify College ${n}`, slug });
  const id =
    (
      await owner.submit(`/orgs/${slug}/achievements`, {
        name: "Knot Tying",
        description: "Ties the essential knots.",
        criteria: "Tie each knot blindfolded.",
        learningOutcomes: "Tie a bowline",
        workloadHours: "10",
        eqfLevel: "2",
        assessmentType: "practical",
        participationForm: "onsite",
        qualityAssurance: "Two assessors.",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
  const address = `verify-learner-${n}@learner.test`;
  const award =
    (
      await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
        nonce: `v-${n}`,
        recipient: address,
        recipientName: "Val Verifier",
        result: "Distinction",
        notify: "yes",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  const learner = await signedUp(ctx.app, { email: address });
  await learner.submit(linkIn((await mailTo(ctx, address, /Knot Tying/)).text, "/claim/"), {});
  const item =
    /href="\/wallet\/([0-9a-f-]{36})"/.exec(await (await learner.get("/wallet")).text())?.[1] ?? "";
  return { owner, slug, award, learner, item };
}

async function verifyForm(client: BrowserClient, fields: { text?: string; url?: string; file?: File }) {
  await client.get("/verify");
  const form = new FormData();
  form.set("_csrf", client.jar.get("cairn_csrf") ?? "");
  form.set("text", fields.text ?? "");
  form.set("url", fields.url ?? "");
  if (fields.file) form.set("file", fields.file);
  return ctx.app.request("/verify", { method: "POST", body: form, headers: { cookie: cookieOf(client) } });
}
const cookieOf = (client: BrowserClient) => [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ");

describe("the public verification page", () => {
  it("verifies a pasted credential, explains a tampered and a revoked one, and refuses what is not a credential", async () => {
    const { learner, item, owner, slug, award } = await held();
    const credential = (await (await learner.get(`/wallet/${item}/credential`)).json()) as Json;
    const visitor = browserClient(ctx.app);
    const ok = await (await verifyForm(visitor, { text: JSON.stringify(credential) })).text();
    expect(ok).toContain("Verified: every check passed");
    expect(ok).toContain("Knot Tying");
    expect(ok).toContain("Distinction");

    const tampered = await (
      await verifyForm(visitor, { text: JSON.stringify({ ...credential, name: "Master Mariner" }) })
    ).text();
    expect(tampered).toContain("Not verified");
    expect(tampered).toContain("The signature does not match");

    await owner.submit(`/orgs/${slug}/awards/${award}/status`, {
      action: "revoke",
      reason: "Issued in error",
    });
    const revoked = await (await verifyForm(visitor, { text: JSON.stringify(credential) })).text();
    expect(revoked).toContain("The issuer has revoked or suspended it.");
    expect(revoked).toContain("Issued in error");

    const junk = await verifyForm(visitor, { text: "hello" });
    expect(junk.status).toBe(422);
    expect(await junk.text()).toContain("There is a problem");
  });

  it("verifies a Cairn PDF certificate through its embedded link, a share link, and ?c= from a QR code", async () => {
    const { learner, item } = await held();
    const pdf = new Uint8Array(
      await (await learner.get(`/wallet/${item}/certificate.pdf?size=A4`)).arrayBuffer(),
    );
    const visitor = browserClient(ctx.app);
    const fromPdf = await verifyForm(visitor, {
      file: new File([pdf], "certificate.pdf", { type: "application/pdf" }),
    });
    const text = await fromPdf.text();
    expect(text).toContain("Verified: every check passed");
    expect(text).toContain("the link inside a Cairn PDF certificate");

    const shareId =
      /\/c\/([A-Za-z0-9_-]{10,})/.exec(await (await learner.get(`/wallet/${item}`)).text())?.[1] ?? "";
    const byUrl = await (await verifyForm(visitor, { url: `${ctx.publicUrl}/c/${shareId}` })).text();
    expect(byUrl).toContain("Verified: every check passed");
    expect(await (await ctx.app.request(`/verify?c=${shareId}`)).text()).toContain(
      "Verified: every check passed",
    );

    const notCairn = await verifyForm(visitor, {
      file: new File([new TextEncoder().encode("%PDF-1.7\n%nothing here\n")], "other.pdf", {
        type: "application/pdf",
      }),
    });
    expect(notCairn.status).toBe(422);
    expect(await notCairn.text()).toContain("carries no link to a credential on this Cairn");
  });
});
