import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
type Json = Record<string, unknown>;

async function issuer() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `account-issuer-${n}@example.org` });
  const slug = `account-issuer-${n}`;
  await owner.submit("/orgs", { name: `Account Issuer ${n}`, slug });
  const id =
    (
      await owner.submit(`/orgs/${slug}/achievements`, {
        name: `Welding Safety ${n}`,
        description: "Welds safely.",
        criteria: "Pass a practical.",
        learningOutcomes: "Weld a joint",
        workloadHours: "20",
        eqfLevel: "3",
        assessmentType: "practical",
        participationForm: "onsite",
        qualityAssurance: "Audited.",
        skill0Name: "Weld metal",
        skill0Url: "https://example.org/skills/weld",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
  const award = async (recipient: string, notify = "") => {
    const response = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      nonce: `${recipient}-${n}`,
      recipient,
      notify,
    });
    expect(response.status, await response.clone().text()).toBe(303);
  };
  return { owner, slug, award, name: `Welding Safety ${n}` };
}

const postJson = (path: string, body: unknown) =>
  ctx.app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("a learner's addresses, DID, profile and data", () => {
  it("confirms an extra address by mail, bringing in what was awarded to it", async () => {
    const { award, name } = await issuer();
    const work = `work-${counter}@employer.test`;
    await award(work);
    const lena = await signedUp(ctx.app, { email: `home-${counter}@learner.test` });
    await lena.get("/account/addresses");
    const taken = await lena.submit("/account/addresses", { email: `account-issuer-${counter}@example.org` });
    expect(taken.status).toBe(409);
    expect((await lena.submit("/account/addresses", { email: work.toUpperCase() })).status).toBe(303);
    expect(await (await lena.get("/wallet")).text()).not.toContain(name);
    const mail = await mailTo(ctx, work, /Confirm this address/);
    const link = linkIn(mail.text, "/account/addresses/");
    // Opening the link (a person, or a mail scanner) changes nothing; another account cannot use it.
    expect(await (await lena.get(link)).text()).toContain(`Confirm ${work}`);
    expect(await (await lena.get("/wallet")).text()).not.toContain(name);
    const other = await signedUp(ctx.app, { email: `scanner-${counter}@example.org` });
    expect((await other.get(link)).status).toBe(400);
    expect((await lena.submit(link, {})).status).toBe(303);
    expect(await (await lena.get("/wallet")).text()).toContain(name);
    expect((await lena.submit(link, {})).status).toBe(400);
  });

  it("gives the learner a did:key that issuers award to, a signed presentation that verifies, and an exportable key", async () => {
    const { award, name } = await issuer();
    const lena = await signedUp(ctx.app, { email: `did-${counter}@learner.test` });
    const didPage = await (await lena.get("/account/did")).text();
    const did = /did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+/.exec(didPage)?.[0] ?? "";
    expect(did).not.toBe("");
    expect(await (await lena.get("/account/did")).text()).toContain(did);
    await award(did);
    expect(await (await lena.get("/wallet")).text()).toContain(name);

    const vp = await lena.get("/account/did/presentation.json");
    expect(vp.status, await vp.clone().text()).toBe(200);
    const presentation = (await vp.json()) as Json;
    expect(presentation.holder).toBe(did);
    const verified = await postJson("/presentations/verify", { verifiablePresentation: presentation });
    const report = (await verified.json()) as { verified: boolean; checks: { id: string; status: string }[] };
    expect(report.verified, JSON.stringify(report)).toBe(true);
    expect(report.checks.find((c) => c.id === "proof")?.status).toBe("passed");
    const tampered = { ...presentation, holder: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" };
    expect(
      ((await (await postJson("/presentations/verify", { verifiablePresentation: tampered })).json()) as Json)
        .verified,
    ).toBe(false);

    const clr = await lena.get("/account/did/clr.json");
    expect(clr.status, await clr.clone().text()).toBe(200);
    const record = (await clr.json()) as Json;
    expect(record.type).toEqual(["VerifiableCredential", "ClrCredential"]);
    expect((record.issuer as Json).id).toBe(did);
    // Another wallet imports the CLR: its proof and every nested credential verify.
    const reader = await signedUp(ctx.app, { email: `clr-reader-${counter}@example.org` });
    const imported = await reader.upload(
      "/wallet/import",
      "file",
      new File([JSON.stringify(record)], "clr.json", { type: "application/json" }),
    );
    expect(imported.status).toBe(303);
    const shown = await (await reader.get(imported.headers.get("location") ?? "")).text();
    expect(shown).toContain(">Verified<");
    expect(shown).toContain(name);

    const key = (await (await lena.get("/account/did/key.json")).json()) as Json;
    expect(key.controller).toBe(did);
    expect(String(key.secretKeyMultibase)).toMatch(/^z/);
  });

  it("publishes an opt-in profile of the public credentials and their skills", async () => {
    const { award, name } = await issuer();
    const address = `profile-${counter}@learner.test`;
    await award(address, "yes");
    const lena = await signedUp(ctx.app, { email: address, name: "Lena Profile" });
    await lena.submit(linkIn((await mailTo(ctx, address, new RegExp(name))).text, "/claim/"), {});
    const item = /href="\/wallet\/([0-9a-f-]{36})"/.exec(await (await lena.get("/wallet")).text())?.[1];
    await lena.submit(`/wallet/${item}/share`, { kind: "public" });
    const handle = `lena-${counter}`;
    await lena.get("/account/profile");
    expect((await lena.submit("/account/profile", { handle: "-bad handle-", headline: "" })).status).toBe(
      422,
    );
    expect((await lena.submit("/account/profile", { handle, headline: "Welder in training" })).status).toBe(
      303,
    );
    expect((await ctx.app.request(`/p/${handle}`)).status).toBe(404);
    await lena.submit("/account/profile", { handle, headline: "Welder in training", enabled: "yes" });
    const page = await (await ctx.app.request(`/p/${handle}`)).text();
    expect(page).toContain("Lena Profile");
    expect(page).toContain("Welder in training");
    expect(page).toContain(name);
    expect(page).toContain("Weld metal");
    const other = await signedUp(ctx.app, { email: `other-${counter}@learner.test` });
    await other.get("/account/profile");
    expect((await other.submit("/account/profile", { handle, headline: "" })).status).toBe(409);
  });

  it("exports everything as an archive, and deletes the account while its credentials stay verifiable", async () => {
    const { award, name } = await issuer();
    const address = `delete-${counter}@learner.test`;
    await award(address, "yes");
    const lena = await signedUp(ctx.app, { email: address, password: "learner password 1" });
    await lena.submit(linkIn((await mailTo(ctx, address, new RegExp(name))).text, "/claim/"), {});
    const item = /href="\/wallet\/([0-9a-f-]{36})"/.exec(await (await lena.get("/wallet")).text())?.[1];
    await lena.submit(`/wallet/${item}/share`, { kind: "public" });
    const share = /\/c\/([A-Za-z0-9_-]{10,})/.exec(await (await lena.get(`/wallet/${item}`)).text())?.[1];

    const zip = unzipSync(new Uint8Array(await (await lena.get("/account/data/export.zip")).arrayBuffer()));
    const text = (path: string) => new TextDecoder().decode(zip[path]);
    expect(JSON.parse(text("account.json")).email).toBe(address);
    const wallet = JSON.parse(text("wallet.json")) as { file: string; shares: unknown[] }[];
    expect(wallet).toHaveLength(1);
    expect(wallet[0]?.shares).toHaveLength(1);
    const credential = JSON.parse(text(wallet[0]?.file ?? ""));
    expect(
      ((await (await postJson("/credentials/verify", { verifiableCredential: credential })).json()) as Json)
        .verified,
    ).toBe(true);

    await lena.get("/account/data");
    expect((await lena.submit("/account/delete", { password: "wrong" })).status).toBe(422);
    await lena.submit("/orgs", { name: "Lena's Workshop", slug: `lena-workshop-${counter}` });
    const owner = await lena.submit("/account/delete", { password: "learner password 1" });
    expect(owner.status).toBe(409);
    expect(await owner.text()).toContain("only owner of Lena&#39;s Workshop");
    await ctx.database.executeSql("DELETE FROM organizations WHERE slug = $1", [`lena-workshop-${counter}`]);
    expect((await lena.submit("/account/delete", { password: "learner password 1" })).status).toBe(303);

    expect((await ctx.app.request(`/c/${share}`)).status).toBe(404);
    const signIn = await browserClient(ctx.app).submit("/signin", {
      email: address,
      password: "learner password 1",
    });
    expect(signIn.status).toBe(401);
    expect(
      ((await (await postJson("/credentials/verify", { verifiableCredential: credential })).json()) as Json)
        .verified,
    ).toBe(true);
  });
});
