import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unbake } from "../src/credentials/baking/unbake.ts";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";
import { interopPath, readInteropBytes, readInteropJson } from "./interop.ts";
import { decodedQrCodes, firstPage, pageImages, pageText } from "./pdf-reader.ts";

let ctx: TestContext;
let now = new Date("2026-11-23T10:00:00Z");
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => now });
});
afterAll(() => ctx.close());

const DAY = 24 * 60 * 60 * 1000;
const TYPES: Record<string, string> = {
  json: "application/json",
  jwt: "application/jwt",
  png: "image/png",
  svg: "image/svg+xml",
};
let counter = 0;
const definition = (name: string) => ({
  name,
  description: `${name}, assessed in practice.`,
  criteria: "Pass a supervised practical.",
  learningOutcomes: "Plan the work\nBrief a crew",
  workloadHours: "30",
  ects: "1",
  eqfLevel: "4",
  assessmentType: "practical",
  participationForm: "onsite",
  qualityAssurance: "Two certified assessors.",
});

/** An organization with a published definition that awards by form, with a claim mail. */
async function issuer(name: string) {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `wallet-issuer-${n}@example.org` });
  const slug = `wallet-issuer-${n}`;
  await owner.submit("/orgs", { name: `${name} Institute`, slug });
  const id =
    (await owner.submit(`/orgs/${slug}/achievements`, definition(name))).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
  const award = async (recipient: string) => {
    const response = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      nonce: `${recipient}-${n}`,
      recipient,
      recipientName: "Lena Learner",
      notify: "yes",
    });
    expect(response.status).toBe(303);
    return response.headers.get("location")?.split("/").at(-1) ?? "";
  };
  return { owner, slug, award };
}

/** A sample as a credential file; the golden test vector becomes the credential it specifies, with its proof. */
function sampleBytes(file: string): Uint8Array {
  if (file !== "golden-ldp.json") return readInteropBytes("1edtech-ob3", file);
  const golden = readInteropJson<{ credential: Json; proofOptions: Json; expectedProofValue: string }>(
    "1edtech-ob3",
    file,
  );
  const signed = {
    ...golden.credential,
    proof: { ...golden.proofOptions, proofValue: golden.expectedProofValue },
  };
  return new TextEncoder().encode(JSON.stringify(signed));
}
type Json = Record<string, unknown>;

const walletIds = async (client: BrowserClient, query = "") => {
  const html = await (await client.get(`/wallet${query}`)).text();
  return [...html.matchAll(/href="\/wallet\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? "");
};
const shareIdIn = (html: string) => /\/c\/([A-Za-z0-9_-]{10,})/.exec(html)?.[1] ?? "";

describe("the learner wallet", () => {
  it("claims by link into the account of that address, attaching every credential awarded to it once proven", async () => {
    const mooring = await issuer("Safe Mooring");
    const rigging = await issuer("Rigging Basics");
    const address = `lena-${counter}@learner.test`;
    await mooring.award(address);
    await rigging.award(address);
    await rigging.award(`someone-else-${counter}@learner.test`);
    const claim = linkIn((await mailTo(ctx, address, /Safe Mooring/)).text, "/claim/");
    const lena = await signedUp(ctx.app, { email: address, name: "Lena Learner" });
    expect((await lena.submit(claim, {})).status).toBe(303);
    const html = await (await lena.get("/wallet")).text();
    expect(html).toContain("Safe Mooring");
    expect(html).toContain("Rigging Basics");
    expect(html).toContain("Showing 2 of 2 credentials.");
    expect(html).toContain("tag-valid");
    expect(html).not.toContain("Names someone else");
    const [user] = (
      await ctx.database.executeSql("SELECT email_verified_at FROM users WHERE email = $1", [address])
    ).rows;
    expect(user?.email_verified_at).toBeTruthy();
    // A second claim of the same link adds nothing twice.
    expect((await lena.submit(claim, {})).status).toBe(303);
    expect(await walletIds(lena)).toHaveLength(2);
    // A forwarded link cannot take the credential or the address into another account.
    const mallory = await signedUp(ctx.app, { email: `mallory-${counter}@example.org` });
    expect((await mallory.submit(claim, {})).status).toBe(403);
    expect(await walletIds(mallory)).toHaveLength(0);
  });

  it("claims into an account with another address only that credential, flagged, until the address is confirmed", async () => {
    const mooring = await issuer("Ship Handling");
    const rigging = await issuer("Sail Trim");
    const address = `work-${counter}@employer.test`;
    await mooring.award(address);
    await rigging.award(address);
    const claim = linkIn((await mailTo(ctx, address, /Ship Handling/)).text, "/claim/");
    const lena = await signedUp(ctx.app, { email: `home-${counter}@learner.test` });
    const claimed = await lena.submit(claim, {});
    expect(claimed.headers.get("location")).toBe("/account/addresses");
    let html = await (await lena.get("/wallet")).text();
    expect(html).toContain("Showing 1 of 1 credentials.");
    expect(html).toContain("Names someone else");
    expect(
      await ctx.database
        .executeSql("SELECT id FROM user_emails WHERE email = $1", [address])
        .then((x) => x.rows),
    ).toHaveLength(0);
    // Adding and confirming the address (as its owner) brings in the rest and clears the flag.
    await lena.get("/account/addresses");
    expect((await lena.submit("/account/addresses", { email: address })).status).toBe(303);
    const confirm = linkIn((await mailTo(ctx, address, /Confirm this address/)).text, "/account/addresses/");
    expect((await lena.get(confirm)).status).toBe(200);
    expect((await lena.submit(confirm, {})).status).toBe(303);
    html = await (await lena.get("/wallet")).text();
    expect(html).toContain("Sail Trim");
    expect(html).toContain("Showing 2 of 2 credentials.");
  });

  it("shows the issuer's revocation, filters, hides and files credentials in collections", async () => {
    const mooring = await issuer("Harbour Pilotage");
    const rigging = await issuer("Knots and Splices");
    const address = `filter-${counter}@learner.test`;
    const revoked = await mooring.award(address);
    await rigging.award(address);
    const lena = await signedUp(ctx.app, { email: address });
    await lena.submit(linkIn((await mailTo(ctx, address, /Harbour Pilotage/)).text, "/claim/"), {});
    await mooring.owner.submit(`/orgs/${mooring.slug}/awards/${revoked}/status`, {
      action: "revoke",
      reason: "Issued in error",
    });
    const [first, second] = await walletIds(lena, "?sort=name");
    const page = await (await lena.get(`/wallet/${first}`)).text();
    expect(page).toContain("Harbour Pilotage");
    expect(page).toContain("tag-revoked");
    expect(page).toContain("Issued in error");
    expect(page).toContain("Not verified");

    const byIssuer = await (
      await lena.get(`/wallet?issuer=${encodeURIComponent("Knots and Splices Institute")}`)
    ).text();
    expect(byIssuer).toContain("Showing 1 of 2 credentials.");
    expect((await lena.submit(`/wallet/${second}/organize`, { collection: "Seamanship" })).status).toBe(303);
    expect(await walletIds(lena, "?collection=Seamanship")).toEqual([second]);
    expect((await lena.submit(`/wallet/${first}/organize`, { hidden: "yes" })).status).toBe(303);
    expect(await walletIds(lena)).toEqual([second]);
    expect(await walletIds(lena, "?hidden=show&sort=name")).toEqual([first, second]);
    // A Cairn award can be hidden, not removed; an outsider cannot see it.
    expect((await lena.submit(`/wallet/${first}/remove`, {})).status).toBe(409);
    const outsider = await signedUp(ctx.app, { email: `outsider-${counter}@example.org` });
    expect((await outsider.get(`/wallet/${first}`)).status).toBe(404);
  });

  it("shares publicly and by expiring link: public page with previews, LinkedIn, 410 once expired or stopped", async () => {
    const course = await issuer("Engine Room Safety");
    const address = `share-${counter}@learner.test`;
    await course.award(address);
    const lena = await signedUp(ctx.app, { email: address, name: "Lena Sharer" });
    await lena.submit(linkIn((await mailTo(ctx, address, /Engine Room Safety/)).text, "/claim/"), {});
    const [item] = await walletIds(lena);
    expect(await (await lena.get(`/wallet/${item}`)).text()).toContain("Private: only you can see");

    expect((await lena.submit(`/wallet/${item}/share`, { kind: "public" })).status).toBe(303);
    const detail = await (await lena.get(`/wallet/${item}`)).text();
    const publicId = shareIdIn(detail);
    expect(detail).toContain("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
    expect(detail).toContain("name=Engine+Room+Safety");
    expect(detail).toContain("issueYear=2026&amp;issueMonth=11");
    expect(detail).toContain(encodeURIComponent(`${ctx.publicUrl}/c/${publicId}`));
    expect(detail).toContain("Embed on a web page");

    const signedOut = await ctx.app.request(`/c/${publicId}`);
    expect(signedOut.status).toBe(200);
    const page = await signedOut.text();
    expect(page).toContain("Lena Sharer");
    expect(page).toContain("Engine Room Safety Institute");
    expect(page).toContain(">Verified<");
    expect(page).toContain("EQF level");
    expect(page).toContain(`<meta property="og:image" content="${ctx.publicUrl}/c/${publicId}/badge.png"`);
    expect(page).toContain('name="twitter:card" content="summary_large_image"');
    const badge = await ctx.app.request(`/c/${publicId}/badge.png`);
    expect(badge.headers.get("content-type")).toBe("image/png");

    await lena.submit(`/wallet/${item}/share`, { kind: "link", expiresInDays: "7" });
    const links = [
      ...(await (await lena.get(`/wallet/${item}`)).text()).matchAll(/\/c\/([A-Za-z0-9_-]{10,})"/g),
    ];
    const linkId = links.map((m) => m[1]).find((id) => id !== publicId) ?? "";
    expect((await ctx.app.request(`/c/${linkId}`)).status).toBe(200);
    now = new Date(now.getTime() + 8 * DAY);
    try {
      const expired = await ctx.app.request(`/c/${linkId}`);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain("expired");
      expect((await ctx.app.request(`/c/${publicId}`)).status).toBe(200);
      expect((await lena.submit(`/wallet/${item}/private`, {})).status).toBe(303);
      expect((await ctx.app.request(`/c/${publicId}`)).status).toBe(410);
      expect((await ctx.app.request("/c/no-such-share-here")).status).toBe(404);
    } finally {
      now = new Date(now.getTime() - 8 * DAY);
    }
  });

  it("downloads the signed JSON, baked PNG and SVG that verify, and a PDF whose QR code opens the public page", async () => {
    const course = await issuer("Chart Work");
    const address = `download-${counter}@learner.test`;
    await course.award(address);
    const lena = await signedUp(ctx.app, { email: address, name: "Zoë Ångström" });
    await lena.submit(linkIn((await mailTo(ctx, address, /Chart Work/)).text, "/claim/"), {});
    const [item] = await walletIds(lena);

    const json = await lena.get(`/wallet/${item}/credential`);
    expect(json.headers.get("content-disposition")).toContain("chart-work.json");
    const credential = (await json.json()) as { id: string };
    for (const type of ["png", "svg"]) {
      const baked = new Uint8Array(await (await lena.get(`/wallet/${item}/baked.${type}`)).arrayBuffer());
      const found = unbake(baked);
      expect(found.found && JSON.parse(found.value).id).toBe(credential.id);
      const file = new File([baked], `badge.${type}`, {
        type: `image/${type === "svg" ? "svg+xml" : "png"}`,
      });
      // The verification page reads the baked image: every check passes.
      const visitor = browserClient(ctx.app);
      await visitor.get("/verify");
      const form = new FormData();
      form.set("_csrf", visitor.jar.get("cairn_csrf") ?? "");
      form.set("file", file);
      const cookie = [...visitor.jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const checked = await ctx.app.request("/verify", { method: "POST", body: form, headers: { cookie } });
      expect(await checked.text()).toContain("Verified: every check passed");
      // A Cairn credential joins a wallet by claim: another learner cannot import a frozen copy of it.
      const other = await signedUp(ctx.app, { email: `importer-${type}-${counter}@example.org` });
      const imported = await other.upload("/wallet/import", "file", file);
      expect(imported.status).toBe(409);
      expect(await imported.text()).toContain("issued on this Cairn");
    }

    for (const [size, width] of [
      ["A4", 841.89],
      ["Letter", 792],
    ] as const) {
      const response = await lena.get(`/wallet/${item}/certificate.pdf?size=${size}`);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const { page } = await firstPage(new Uint8Array(await response.arrayBuffer()));
      expect(page.view[2]).toBeCloseTo(width, 1);
      const text = await pageText(page);
      expect(text).toContain("Zoë Ångström");
      expect(text).toContain("Chart Work");
      const [qr] = decodedQrCodes(await pageImages(page));
      expect(qr).toMatch(new RegExp(`^${ctx.publicUrl}/verify\\?c=[A-Za-z0-9_-]+$`));
      const opened = await ctx.app.request(qr?.slice(ctx.publicUrl.length) ?? "");
      expect(opened.status).toBe(200);
      const verified = await opened.text();
      expect(verified).toContain("Chart Work");
      expect(verified).toContain("Verified: every check passed");
    }
  });

  it.each(
    readdirSync(interopPath("1edtech-ob3"))
      .filter((file) => /\.(json|jwt|png|svg)$/.test(file))
      .map((file) => [file, TYPES[file.split(".").at(-1) ?? ""] ?? "application/octet-stream"]),
  )("imports the 1EdTech sample %s and shows it with its checks", async (file, type) => {
    const learner = await signedUp(ctx.app, { email: `sample-${++counter}@example.org` });
    const response = await learner.upload(
      "/wallet/import",
      "file",
      new File([sampleBytes(file)], file, { type }),
    );
    expect(response.status).toBe(303);
    const page = await (await learner.get(response.headers.get("location") ?? "")).text();
    expect(page).toMatch(/<h1>[^<]+<\/h1>/);
    const again = await learner.upload(
      "/wallet/import",
      "file",
      new File([sampleBytes(file)], file, { type }),
    );
    expect(again.status, await again.clone().text()).toBe(409);
    expect(await again.text()).toContain("already in your wallet");
    expect(page).toContain("Verification checks");
    expect(page).toContain("Signature");
  });

  it("imports an Open Badges 2.0 hosted assertion by its URL, verified against the issuer's server", async () => {
    const learner = await signedUp(ctx.app, { email: `ob2-${++counter}@example.org` });
    // The assertion names the learner's address: once confirmed, the import is recognized as theirs.
    const confirm = linkIn(
      (await mailTo(ctx, `ob2-${counter}@example.org`, /Confirm your email/)).text,
      "/verify-email/",
    );
    expect((await learner.submit(confirm, {})).status).toBe(303);
    const salt = "sea-salt";
    const hash = createHash("sha256").update(`ob2-${counter}@example.org${salt}`).digest("hex");
    const server = createServer((request, response) => {
      const base = `http://localhost:${(server.address() as AddressInfo).port}`;
      const documents: Record<string, unknown> = {
        "/assertions/1": {
          "@context": "https://w3id.org/openbadges/v2",
          type: "Assertion",
          id: `${base}/assertions/1`,
          recipient: { type: "email", hashed: true, salt, identity: `sha256$${hash}` },
          badge: `${base}/badges/knots`,
          verification: { type: "hosted" },
          issuedOn: "2026-03-01T09:00:00Z",
        },
        "/badges/knots": {
          "@context": "https://w3id.org/openbadges/v2",
          type: "BadgeClass",
          id: `${base}/badges/knots`,
          name: "Knots of the Sea",
          description: "Ties the six essential knots.",
          image: `${base}/badges/knots.png`,
          criteria: { narrative: "Tie each knot blindfolded." },
          issuer: `${base}/issuer`,
        },
        "/issuer": {
          "@context": "https://w3id.org/openbadges/v2",
          type: "Issuer",
          id: `${base}/issuer`,
          name: "Old Harbour Sailing Club",
          url: base,
          email: "club@harbour.test",
        },
      };
      const body = documents[request.url ?? ""];
      response.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://localhost:${(server.address() as AddressInfo).port}/assertions/1`;
      await learner.get("/wallet/import");
      const response = await learner.submit("/wallet/import", { pasted: url });
      expect(response.status).toBe(303);
      const page = await (await learner.get(response.headers.get("location") ?? "")).text();
      expect(page).toContain("<h1>Knots of the Sea</h1>");
      expect(page).toContain("Old Harbour Sailing Club");
      expect(page).toContain(">Verified<");
      expect(page).not.toContain("does not name you");
    } finally {
      server.close();
    }
  });

  it("refuses what is not a credential with a readable message", async () => {
    const learner = await signedUp(ctx.app, { email: `bad-import-${++counter}@example.org` });
    await learner.get("/wallet/import");
    const response = await learner.submit("/wallet/import", { pasted: "this is not a credential" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Import a credential");
    expect(await walletIds(learner)).toHaveLength(0);
  });
});
