import { beforeAll, describe, expect, it } from "vitest";
import { readImport } from "./read-import.ts";
import {
  ALICE_HASH,
  ISSUER,
  KEY,
  ob2Deps,
  REVOCATIONS,
  SIGNED_ID,
  type SignedWorld,
  signedAssertion,
  signedWorld,
} from "./test-helpers.ts";
import type { ImportResult } from "./types.ts";

let world: SignedWorld;
beforeAll(async () => {
  world = await signedWorld();
});

const statuses = (result: ImportResult) =>
  result.ok ? Object.fromEntries(result.checks.map((check) => [check.id, check.status])) : {};
const messageOf = (result: ImportResult, id: string) =>
  result.ok ? result.checks.find((check) => check.id === id)?.message : undefined;

describe("Open Badges 2.0 signed assertions", () => {
  it("verifies the JWS with the issuer's RS256 key and stores the JWS", async () => {
    const result = await readImport(world.jws, ob2Deps(world.web));
    expect(result).toMatchObject({
      ok: true,
      kind: "ob2",
      format: "ob2-signed",
      verified: true,
      original: world.jws,
    });
    expect(statuses(result)).toEqual({
      signature: "passed",
      badge: "passed",
      issuer: "passed",
      key: "passed",
      revocation: "passed",
      validity: "passed",
    });
    expect(messageOf(result, "signature")).toBe(`Signed (RS256) with the key at ${KEY}.`);
    expect(result).toMatchObject({
      display: {
        name: "Awesome Robotics Badge",
        issuerName: "Example Robotics Guild",
        issuerId: ISSUER,
        recipient: { type: "email", hashed: true, salt: "deadsea", identity: ALICE_HASH },
      },
    });
  });

  it("fails a tampered payload", async () => {
    const [header, , signature] = world.jws.split(".");
    const forged = Buffer.from(
      JSON.stringify(
        signedAssertion({ recipient: { type: "email", hashed: false, identity: "mallory@example.org" } }),
      ),
    ).toString("base64url");
    const result = await readImport(`${header}.${forged}.${signature}`, ob2Deps(world.web));
    expect(result).toMatchObject({
      ok: true,
      verified: false,
      display: { recipient: { identity: "mallory@example.org" } },
    });
    expect(statuses(result).signature).toBe("failed");
    expect(messageOf(result, "signature")).toMatch(/signature verification failed/);
  });

  it("fails when the issuer's revocation list names the assertion (as an id or an object)", async () => {
    for (const entry of [SIGNED_ID, { id: SIGNED_ID, revocationReason: "Cheating" }]) {
      const web = { ...world.web, [REVOCATIONS]: { id: REVOCATIONS, revokedAssertions: [entry] } };
      const result = await readImport(world.jws, ob2Deps(web));
      expect(result).toMatchObject({ ok: true, verified: false });
      expect(statuses(result)).toMatchObject({ signature: "passed", revocation: "failed" });
    }
    const web = {
      ...world.web,
      [REVOCATIONS]: {
        id: REVOCATIONS,
        revokedAssertions: [{ id: SIGNED_ID, revocationReason: "Cheating" }],
      },
    };
    expect(messageOf(await readImport(world.jws, ob2Deps(web)), "revocation")).toMatch(
      /revoked this assertion: Cheating/,
    );
  });

  it("fails a key another issuer owns, or one planted elsewhere that the issuer does not vouch for", async () => {
    const stranger = {
      ...world.web,
      [KEY]: { ...(world.web[KEY] as object), owner: "https://other.example/issuer" },
    };
    const owned = await readImport(world.jws, ob2Deps(stranger));
    expect(statuses(owned)).toMatchObject({ signature: "passed", key: "failed" });
    expect(messageOf(owned, "key")).toMatch(/belongs to https:\/\/other\.example\/issuer/);

    const elsewhere = "https://keys.attacker.example/key.json";
    const planted = {
      ...world.web,
      [elsewhere]: { ...(world.web[KEY] as object), id: elsewhere },
      [ISSUER]: { ...(world.web[ISSUER] as object), publicKey: [] },
    };
    const jws = await world.sign(
      signedAssertion({ verification: { type: "SignedBadge", creator: elsewhere } }),
    );
    const result = await readImport(jws, ob2Deps(planted));
    expect(result).toMatchObject({ ok: true, verified: false });
    expect(statuses(result)).toMatchObject({ signature: "passed", key: "failed" });
    expect(messageOf(result, "key")).toMatch(/neither lists it under publicKey nor hosts it/);
    // A key on the issuer's own host is the issuer's, listed or not.
    const unlisted = { ...world.web, [ISSUER]: { ...(world.web[ISSUER] as object), publicKey: [] } };
    expect(await readImport(world.jws, ob2Deps(unlisted))).toMatchObject({ ok: true, verified: true });
  });

  it("finds the key through the issuer's publicKey when the assertion names no creator", async () => {
    const jws = await world.sign(signedAssertion({ verification: { type: "signed" } }));
    expect(await readImport(jws, ob2Deps(world.web))).toMatchObject({ ok: true, verified: true });
  });

  it("reports an unreachable key and revocation list with their URLs", async () => {
    const { [KEY]: _key, [REVOCATIONS]: _list, ...web } = world.web;
    const result = await readImport(world.jws, ob2Deps(web));
    expect(result).toMatchObject({ ok: true, verified: false });
    expect(messageOf(result, "signature")).toContain(KEY);
    expect(messageOf(result, "revocation")).toContain(REVOCATIONS);
    expect(statuses(result).key).toBe("skipped");
  });

  it("checks a signed assertion given as bare JSON, failing its missing signature", async () => {
    const result = await readImport(JSON.stringify(signedAssertion()), ob2Deps(world.web));
    expect(result).toMatchObject({ ok: true, format: "ob2-signed", verified: false });
    expect(statuses(result)).toMatchObject({ signature: "failed", key: "passed", revocation: "passed" });
  });

  it("refuses an unsigned ('none') JWS", async () => {
    const payload = Buffer.from(JSON.stringify(signedAssertion())).toString("base64url");
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const result = await readImport(`${header}.${payload}.c2ln`, ob2Deps(world.web));
    expect(messageOf(result, "signature")).toBe('Unsupported JWS algorithm "none".');
  });
});
