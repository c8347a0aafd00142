import { beforeAll, describe, expect, it } from "vitest";
import { bakePng } from "../baking/png.ts";
import { unbakeOb2 } from "./ob2-unbake.ts";
import { readImport } from "./read-import.ts";
import {
  ASSERTION,
  bakeOb2Png,
  hostedAssertion,
  hostedWeb,
  ob2Deps,
  ob2Svg,
  type SignedWorld,
  signedWorld,
  TINY_PNG,
} from "./test-helpers.ts";

let world: SignedWorld;
beforeAll(async () => {
  world = await signedWorld();
});

describe("Open Badges 2.0 baked images", () => {
  it("imports a PNG baked with a hosted assertion's URL, and with its JSON", async () => {
    for (const value of [ASSERTION, JSON.stringify(hostedAssertion())]) {
      const result = await readImport(bakeOb2Png(TINY_PNG, value), ob2Deps(hostedWeb()));
      expect(result).toMatchObject({ ok: true, kind: "ob2", format: "ob2-hosted", verified: true });
    }
  });

  it("imports a PNG baked with a signed assertion (iTXt, and the older tEXt)", async () => {
    for (const chunk of ["iTXt", "tEXt"] as const) {
      const result = await readImport(bakeOb2Png(TINY_PNG, world.jws, chunk), ob2Deps(world.web));
      expect(result).toMatchObject({ ok: true, format: "ob2-signed", verified: true, original: world.jws });
    }
  });

  it("imports SVGs: a JWS in verify, and JSON in CDATA beside the hosted URL", async () => {
    const signed = ob2Svg(`<openbadges:assertion verify="${world.jws}"/>`);
    expect(await readImport(new TextEncoder().encode(signed), ob2Deps(world.web))).toMatchObject({
      ok: true,
      format: "ob2-signed",
      verified: true,
    });
    const hosted = ob2Svg(
      `<openbadges:assertion verify="${ASSERTION}"><![CDATA[${JSON.stringify(hostedAssertion())}]]></openbadges:assertion>`,
    );
    expect(await readImport(hosted, ob2Deps(hostedWeb()))).toMatchObject({ ok: true, verified: true });
    const urlOnly = ob2Svg(`<openbadges:assertion verify="${ASSERTION}"></openbadges:assertion>`);
    expect(unbakeOb2(new TextEncoder().encode(urlOnly))).toBe(ASSERTION);
  });

  it("finds the OB 2.0 chunk beside an OB 3.0 one, and nothing in a plain PNG", () => {
    const both = bakePng(bakeOb2Png(TINY_PNG, ASSERTION), '{"ob3": true}');
    expect(unbakeOb2(both)).toBe(ASSERTION);
    expect(unbakeOb2(TINY_PNG)).toBeUndefined();
  });
});

describe("unreadable input", () => {
  it.each([
    ["empty text", "   ", "The input is empty."],
    ["plain text", "hello there", /^This is not a badge/],
    ["malformed JSON", "{ nope", /^The JSON cannot be read/],
    ["a JSON array", "[1, 2]", /^This is not a badge/],
    [
      "JSON that is no badge",
      '{"name": "x"}',
      /neither a verifiable credential nor an Open Badges 2.0 assertion/,
    ],
    [
      "a JWT of something else",
      `e30.${Buffer.from('{"sub":"x"}').toString("base64url")}.c2ln`,
      /neither a verifiable credential/,
    ],
    ["a presentation", '{"type": ["VerifiablePresentation"]}', /presentation/],
    ["deep JSON", `${"[".repeat(100)}${"]".repeat(100)}`, /^This is not a badge/],
    ["deep object", `{"a":${"[".repeat(100)}${"]".repeat(100)}}`, /nested deeper than 64/],
  ])("%s", async (_label, input, message) => {
    const result = await readImport(input, ob2Deps({}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ["a PNG without a badge", TINY_PNG, "This PNG image carries no badge."],
    ["a truncated PNG", TINY_PNG.subarray(0, 30), /^The image could not be read: Truncated PNG chunk/],
    ["an SVG without a badge", new TextEncoder().encode(ob2Svg("")), "This SVG image carries no badge."],
    [
      "binary noise",
      new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x92]),
      "This file is neither a badge image nor text.",
    ],
  ])("%s", async (_label, input, message) => {
    const result = await readImport(input, ob2Deps({}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
