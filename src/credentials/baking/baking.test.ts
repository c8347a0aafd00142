import { describe, expect, it } from "vitest";
import { hasInterop, readInteropBytes } from "../../../test/interop.ts";
import { bakePng, unbakePng } from "./png.ts";
import { bakeSvg, unbakeSvg } from "./svg.ts";
import { unbake } from "./unbake.ts";

// A valid 1×1 PNG (signature, IHDR, IDAT, IEND).
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const SVG =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>';
const JSON_CREDENTIAL = JSON.stringify({ id: "urn:x", note: "contains ]]> and ünïcode" });
const JWT = "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp4In0.c2ln";

describe("PNG baking", () => {
  it("round-trips JSON and JWT credentials and replaces an earlier one", () => {
    const baked = bakePng(TINY_PNG, JSON_CREDENTIAL);
    expect(unbakePng(baked)).toBe(JSON_CREDENTIAL);
    const rebaked = bakePng(baked, JWT);
    expect(unbakePng(rebaked)).toBe(JWT);
    expect(rebaked.length).toBeLessThan(baked.length);
    expect(unbakePng(TINY_PNG)).toBeUndefined();
    expect(Buffer.from(baked.subarray(baked.length - 12)).toString("latin1", 4, 8)).toBe("IEND");
  });

  it("rejects what is not a PNG", () => {
    expect(() => bakePng(Buffer.from("nope"), JWT)).toThrow(/Not a PNG/);
  });
});

describe("SVG baking", () => {
  it("round-trips JSON (CDATA) and JWT (verify attribute), adding the namespace", () => {
    const baked = bakeSvg(SVG, JSON_CREDENTIAL);
    expect(baked).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(unbakeSvg(baked)).toBe(JSON_CREDENTIAL);
    const withJwt = bakeSvg(baked, JWT);
    expect(withJwt).toContain(`<openbadges:credential verify="${JWT}"/>`);
    expect(unbakeSvg(withJwt)).toBe(JWT);
    expect(withJwt.match(/openbadges:credential/g)).toHaveLength(1);
  });
});

describe.skipIf(!hasInterop)("1EdTech baked samples", () => {
  it.each(["simple-json.png", "simple-jwt.png", "simple-json.svg", "simple-jwt.svg"])(
    "unbakes %s",
    (file) => {
      const result = unbake(readInteropBytes("1edtech-ob3", file));
      expect(result.found).toBe(true);
      if (!result.found) return;
      if (file.includes("json")) expect(JSON.parse(result.value).type).toContain("OpenBadgeCredential");
      else expect(result.value.trim().split(".")).toHaveLength(3);
    },
  );
});
