import { describe, expect, it } from "vitest";
import { readImport } from "./read-import.ts";
import {
  ALICE_HASH,
  ASSERTION,
  BADGE,
  hostedAssertion,
  hostedWeb,
  ISSUER,
  NOW,
  ob2Deps,
  offlineFetch,
} from "./test-helpers.ts";
import type { ImportResult } from "./types.ts";

const statuses = (result: ImportResult) =>
  result.ok ? Object.fromEntries(result.checks.map((check) => [check.id, check.status])) : {};
const messageOf = (result: ImportResult, id: string) =>
  result.ok ? result.checks.find((check) => check.id === id)?.message : undefined;

describe("Open Badges 2.0 hosted assertions", () => {
  it("imports and verifies a hosted assertion given as its URL", async () => {
    const result = await readImport(ASSERTION, ob2Deps(hostedWeb()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({ kind: "ob2", format: "ob2-hosted", verified: true });
    expect(statuses(result)).toEqual({
      assertion: "passed",
      revocation: "passed",
      badge: "passed",
      issuer: "passed",
      origin: "passed",
      validity: "passed",
    });
    expect(result.display).toEqual({
      name: "Awesome Robotics Badge",
      description: "For doing awesome things with robots.",
      issuerName: "Example Robotics Guild",
      issuerId: ISSUER,
      image: "https://issuer.example/robotics.png",
      issuedOn: "2026-01-15T10:00:00Z",
      recipient: { type: "email", hashed: true, salt: "deadsea", identity: ALICE_HASH },
    });
    expect(result.original).toMatchObject({ id: ASSERTION, badge: BADGE });
  });

  it("verifies hosted JSON against the issuer's copy, which is what gets stored", async () => {
    const web = hostedWeb(hostedAssertion({ image: "https://issuer.example/alice.png" }));
    const fetchJson = offlineFetch(web);
    const local = hostedAssertion({ verification: { type: "hosted" }, evidence: "edited by the learner" });
    const result = await readImport(JSON.stringify(local), { ...ob2Deps(web), fetchJson });
    expect(result).toMatchObject({
      ok: true,
      verified: true,
      display: { image: "https://issuer.example/alice.png" },
    });
    expect(fetchJson.urls).toEqual([ASSERTION, BADGE, ISSUER]);
    if (result.ok) expect(result.original).not.toHaveProperty("evidence");
  });

  it("reports a revoked assertion", async () => {
    const web = hostedWeb(hostedAssertion({ revoked: true, revocationReason: "Awarded in error" }));
    const result = await readImport(ASSERTION, ob2Deps(web));
    expect(result).toMatchObject({ ok: true, verified: false });
    expect(statuses(result).revocation).toBe("failed");
    expect(messageOf(result, "revocation")).toMatch(/Awarded in error/);
  });

  it("refuses an assertion hosted outside the issuer's origin", async () => {
    const elsewhere = "https://badges.attacker.example/assertions/123.json";
    const web = hostedWeb(hostedAssertion({ id: elsewhere }));
    const result = await readImport(elsewhere, ob2Deps(web));
    expect(result).toMatchObject({ ok: true, verified: false });
    expect(statuses(result)).toMatchObject({ assertion: "passed", origin: "failed" });
    expect(messageOf(result, "origin")).toMatch(/badges\.attacker\.example.*issuer\.example/);
  });

  it("accepts another host the issuer allows, and only that", async () => {
    const hosted = "https://badges.platform.example/a/123.json";
    const allowed = hostedWeb(hostedAssertion({ id: hosted }), {
      verification: { type: "VerificationObject", allowedOrigins: ["badges.platform.example"] },
    });
    expect(await readImport(hosted, ob2Deps(allowed))).toMatchObject({ ok: true, verified: true });
    const prefixed = hostedWeb(hostedAssertion({ id: hosted }), {
      verification: {
        allowedOrigins: "badges.platform.example",
        startsWith: "https://badges.platform.example/b/",
      },
    });
    const result = await readImport(hosted, ob2Deps(prefixed));
    expect(statuses(result).origin).toBe("failed");
  });

  it("fails when the hosted copy carries another id", async () => {
    const web = hostedWeb();
    web[ASSERTION] = hostedAssertion({ id: "https://issuer.example/assertions/999.json" });
    const result = await readImport(JSON.stringify(hostedAssertion()), ob2Deps(web));
    expect(result).toMatchObject({ ok: true, verified: false });
    expect(messageOf(result, "assertion")).toMatch(/another id/);
    expect(statuses(result).revocation).toBe("skipped");
    if (result.ok) expect(result.original).toMatchObject({ id: ASSERTION });

    const byUrl = await readImport(ASSERTION, ob2Deps(web));
    expect(byUrl).toMatchObject({ ok: true, verified: false, display: { name: "Awesome Robotics Badge" } });
    expect(messageOf(byUrl, "assertion")).toMatch(/another id/);
  });

  it("reads Unix timestamps as dates, as older issuers wrote them", async () => {
    const web = hostedWeb(hostedAssertion({ issuedOn: 1359217910, expires: "1609458300" }));
    const result = await readImport(ASSERTION, ob2Deps(web));
    expect(result).toMatchObject({
      ok: true,
      display: { issuedOn: "2013-01-26T16:31:50.000Z", expiresOn: "2020-12-31T23:45:00.000Z" },
    });
    expect(messageOf(result, "validity")).toBe("Expired on 2020-12-31T23:45:00.000Z.");
  });

  it("fails an expired assertion and one issued in the future", async () => {
    const expired = hostedWeb(hostedAssertion({ expires: "2026-06-30T23:59:59Z" }));
    const result = await readImport(ASSERTION, ob2Deps(expired));
    expect(messageOf(result, "validity")).toBe("Expired on 2026-06-30T23:59:59Z.");
    expect(result).toMatchObject({
      ok: true,
      verified: false,
      display: { expiresOn: "2026-06-30T23:59:59Z" },
    });
    const future = hostedWeb(
      hostedAssertion({ issuedOn: new Date(NOW.getTime() + 86_400_000).toISOString() }),
    );
    expect(statuses(await readImport(ASSERTION, ob2Deps(future))).validity).toBe("failed");
  });

  it("turns network failures into failed checks naming the URL", async () => {
    const web = hostedWeb();
    delete web[BADGE];
    const result = await readImport(ASSERTION, ob2Deps(web));
    expect(result).toMatchObject({
      ok: true,
      verified: false,
      display: { name: "Open Badges 2.0 assertion" },
    });
    expect(messageOf(result, "badge")).toContain(BADGE);
    expect(statuses(result)).toMatchObject({ issuer: "skipped", origin: "skipped" });

    const offline = await readImport(JSON.stringify(hostedAssertion()), ob2Deps({}));
    expect(offline).toMatchObject({ ok: true, verified: false });
    expect(messageOf(offline, "assertion")).toContain(ASSERTION);
  });

  it("answers ok:false for a URL that cannot be fetched, or does not hold a badge", async () => {
    const missing = await readImport("https://nowhere.example/badge.json", ob2Deps({}));
    expect(missing).toEqual({
      ok: false,
      message:
        "Could not fetch https://nowhere.example/badge.json: Fetching https://nowhere.example/badge.json answered 404.",
    });
    const notBadge = await readImport(ISSUER, ob2Deps(hostedWeb()));
    expect(notBadge.ok).toBe(false);
  });

  it("fetches the issuer from its id even when the BadgeClass embeds a forged one", async () => {
    const elsewhere = "https://forger.example/assertions/1.json";
    const forged = hostedAssertion({
      id: elsewhere,
      badge: {
        type: "BadgeClass",
        name: "Forged",
        issuer: {
          id: ISSUER,
          name: "Example Robotics Guild",
          verification: { allowedOrigins: "forger.example" },
        },
      },
    });
    const web = { ...hostedWeb(), [elsewhere]: forged };
    const result = await readImport(elsewhere, ob2Deps(web));
    expect(statuses(result)).toMatchObject({ badge: "passed", issuer: "passed", origin: "failed" });
  });
});
