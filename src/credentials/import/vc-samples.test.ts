import { describe, expect, it } from "vitest";
import { hasInterop, readInteropBytes, readInteropText } from "../../../test/interop.ts";
import type { HttpFetch } from "../http-fetch.ts";
import { createVerifier } from "../verifier.ts";
import { readImport } from "./read-import.ts";
import { recipientMatches } from "./recipient.ts";
import { NOW, offlineFetch } from "./test-helpers.ts";
import type { ImportDeps, ImportResult } from "./types.ts";

// The 1EdTech samples name keys as https://…/issuers/876543#z6Mk…: offline, the key URL answers the
// Multikey in its fragment (as verify/interop.test.ts does), and revocation lists answer empty.
const sampleFetch: HttpFetch = async (url) => {
  const [controller, fragment] = url.split("#");
  if (fragment?.startsWith("z6Mk"))
    return Response.json({ id: url, type: "Multikey", controller, publicKeyMultibase: fragment });
  if (url.endsWith("/revocations")) return Response.json({ id: url, revokedCredentials: [] });
  return new Response("not found", { status: 404 });
};

const deps = (): ImportDeps => ({
  verifier: createVerifier({ now: () => NOW, fetch: sampleFetch }),
  fetchJson: offlineFetch({}),
  now: () => NOW,
});

const checkOf = (result: ImportResult, id: string) =>
  result.ok ? result.checks.find((c) => c.id === id) : undefined;

describe.skipIf(!hasInterop)("1EdTech OB 3.0 samples import", () => {
  it.each([
    ["simple.json", "ldp", true, "Teamwork Badge"],
    ["complete.json", "ldp", true, "1EdTech University Degree for Example Student"],
    ["simple-json.png", "ldp", true, "Teamwork Badge"],
    ["simple-json.svg", "ldp", true, "Teamwork Badge"],
    // RS256 with only an embedded `jwk` header: the signature holds, but nothing ties the key to the issuer.
    ["simple-jwt.png", "jwt", false, "Teamwork Badge"],
    ["simple-jwt.svg", "jwt", false, "Teamwork Badge"],
    // Names no key at all (no kid, no jwk), so its proof cannot be checked.
    ["simple.jwt", "jwt", false, "Example University Degree"],
  ])("%s", async (file, format, verified, name) => {
    const input = /\.(png|svg)$/.test(file)
      ? readInteropBytes("1edtech-ob3", file)
      : readInteropText("1edtech-ob3", file);
    const result = await readImport(input, deps());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({ kind: "ob3", format, verified });
    expect(result.display.name).toBe(name);
    expect(result.checks.map((check) => check.id)).toEqual([
      "format",
      "proof",
      "issuer",
      "validity",
      "status",
    ]);
    expect(typeof result.original === "string").toBe(format === "jwt");
  });

  it("shows what complete.json says about the learner, issuer and expiry", async () => {
    const result = await readImport(readInteropText("1edtech-ob3", "complete.json"), deps());
    if (!result.ok) throw new Error(result.message);
    expect(result.display).toMatchObject({
      issuerName: "1EdTech University",
      issuerId: "https://1edtech.edu/issuers/565049",
      image: "https://1edtech.edu/credentials/3732/image",
      expiresOn: "2030-01-01T00:00:00Z",
      subjectId: "did:example:ebfeb1f712ebc6f1c276e12ec21",
      recipient: { identity: "student@1edtech.edu", hashed: false, type: "emailAddress" },
    });
    const recipient = result.display.recipient;
    expect(recipient && recipientMatches(recipient, [" Student@1EdTech.edu "])).toBe(true);
    expect(checkOf(result, "status")?.status).toBe("passed");
  });
});

describe.skipIf(!hasInterop)("1EdTech CLR 2.0 samples import", () => {
  it("simple.json: the transcript, its credential and all its achievements", async () => {
    const result = await readImport(readInteropText("1edtech-clr", "simple.json"), deps());
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ kind: "clr", format: "ldp", display: { name: "Sample Transcript" } });
    // The outer proof depends on the CLR context being loadable; the carried credential verifies on its own.
    expect(result.checks.map((check) => check.id)).toEqual([
      "format",
      "proof",
      "issuer",
      "validity",
      "status",
      "clr.credential.1",
    ]);
    expect(checkOf(result, "clr.credential.1")).toEqual({
      id: "clr.credential.1",
      status: "passed",
      message: "Teamwork Badge: verified.",
    });
    expect(result.display.achievements).toEqual([
      {
        name: "Teamwork",
        description:
          "This badge recognizes the development of the capacity to collaborate within a group environment.",
      },
      { name: "Achievement 1", description: "Achievement 1" },
      { name: "Achievement 2", description: "Achievement 2" },
    ]);
  });

  it("simple.jwt: a VC-JWT transcript carrying VC-JWT credentials", async () => {
    const result = await readImport(readInteropText("1edtech-clr", "simple.jwt"), deps());
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({
      kind: "clr",
      format: "jwt",
      verified: false,
      display: { name: "Sample Transcript", issuerName: "Example University" },
    });
    expect(typeof result.original).toBe("string");
    // Signed with keys given only as `jwk` headers: the signatures hold, but nothing ties them to the issuer.
    expect(checkOf(result, "proof")?.status).toBe("passed");
    expect(checkOf(result, "issuer")?.message).toMatch(/jwk header/);
    expect(checkOf(result, "clr.credential.1")?.status).toBe("failed");
    expect(checkOf(result, "clr.credential.1")?.message).toMatch(
      /^Example University Degree: not verified \(issuer: /,
    );
    // The carried credential awards Achievement 1, which the CLR also lists: it is shown once.
    expect(result.display.achievements).toEqual([
      { name: "Achievement 1", description: "Achievement 1" },
      { name: "Achievement 2", description: "Achievement 2" },
    ]);
  });
});
