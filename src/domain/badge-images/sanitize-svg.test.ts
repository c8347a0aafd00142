import { describe, expect, it } from "vitest";
import { DEFAULT_DESIGN, renderBadgeSvg } from "./design.ts";
import { defaultAltText } from "./limits.ts";
import { pngSize } from "./png.ts";
import { checkSvg } from "./sanitize-svg.ts";

const svg = (inner: string, root = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"') =>
  new TextEncoder().encode(`<?xml version="1.0"?>\n<svg ${root}>${inner}</svg>`);
const refusal = (inner: string) => {
  try {
    checkSvg(svg(inner));
    return "accepted";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("SVG checks", () => {
  it("accepts plain drawings, fragment links and embedded PNG/JPEG data, and reads the size", () => {
    expect(checkSvg(svg('<circle cx="5" cy="5" r="4" style="fill:url(#g)"/><use href="#c"/>'))).toEqual({
      width: 200,
      height: 100,
    });
    expect(
      checkSvg(svg('<image href="data:image/png;base64,iVBORw0KGgo="/>', 'width="300px" height="120"')),
    ).toEqual({ width: 300, height: 120 });
    expect(
      checkSvg(new TextEncoder().encode(renderBadgeSvg({ ...DEFAULT_DESIGN, title: "<Tom & Jerry>" }))),
    ).toEqual({
      width: 512,
      height: 512,
    });
  });

  it.each([
    ["<script>alert(1)</script>", "<script> element"],
    ["<SCRIPT>alert(1)</SCRIPT>", "<SCRIPT> element"],
    ['<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>', "<svg:script> element"],
    ["<foreignObject><div/></foreignObject>", "<foreignObject> element"],
    ['<rect onclick="x()"/>', "onclick event-handler"],
    ['<rect ONLOAD="x()"/>', "onload event-handler"],
    ['<a href="javascript:alert(1)"><rect/></a>', "javascript: URL"],
    ['<a href="&#106;avascript:alert(1)"><rect/></a>', "javascript: URL"],
    ['<image href="https://evil.example/x.png"/>', "outside address"],
    ['<image xlink:href="//evil.example/x.png"/>', "outside address"],
    ['<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "outside address"],
    ['<rect style="fill:url(https://evil.example/f)"/>', "outside address"],
    ["<style>@import 'https://evil.example/x.css';</style>", "imports a stylesheet"],
    ['<set attributeName="href" to="#x"/>', "animates a link"],
    ["<rect fill=red/>", "not well-formed"],
  ])("refuses %s", (inner, expected) => {
    expect(refusal(inner)).toContain(expected);
  });

  it("refuses DTDs, non-SVG text and an SVG without a size", () => {
    const dtd = new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 1 1"/>');
    expect(() => checkSvg(dtd)).toThrow(/DOCTYPE/);
    expect(() => checkSvg(new TextEncoder().encode("<html></html>"))).toThrow(/no <svg> element/);
    expect(() => checkSvg(svg("", 'xmlns="http://www.w3.org/2000/svg"'))).toThrow(/viewBox/);
    expect(() => checkSvg(new Uint8Array([0xff, 0xfe, 0x3c]))).toThrow(/UTF-8/);
  });
});

describe("PNG size and alt text", () => {
  it("reads IHDR width and height", () => {
    const bytes = new Uint8Array(33);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(bytes.buffer).setUint32(16, 300);
    new DataView(bytes.buffer).setUint32(20, 150);
    expect(pngSize(bytes)).toEqual({ width: 300, height: 150 });
    expect(pngSize(bytes.subarray(0, 20))).toBeUndefined();
  });

  it("escapes the title in designed badges", () => {
    const out = renderBadgeSvg({ ...DEFAULT_DESIGN, title: '<script>"&' });
    expect(out).toContain("&lt;script&gt;&quot;&amp;");
    expect(out).not.toContain("<script>");
  });

  it("defaults alt text to the achievement's name and description, kept short", () => {
    expect(defaultAltText("Data Analysis Basics", "Clean and chart data.")).toBe(
      "Data Analysis Basics: Clean and chart data.",
    );
    expect(defaultAltText(" Solo ", null)).toBe("Solo");
    expect(defaultAltText("N", "x".repeat(400))).toHaveLength(250);
  });
});
