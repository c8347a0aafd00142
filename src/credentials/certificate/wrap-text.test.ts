import { describe, expect, it } from "vitest";
import { brandColor, formatCertificateDate, tint } from "./certificate-style.ts";
import { fitText, type MeasureText, singleLine, truncateToWidth, wrapText } from "./wrap-text.ts";

// Every grapheme is `size` points wide: easy arithmetic for the expectations below.
const mono: MeasureText = (text, size) => [...new Intl.Segmenter().segment(text)].length * size;

describe("wrapText", () => {
  it("wraps at spaces and breaks a word wider than the line", () => {
    expect(wrapText("one two three", mono, 1, 7)).toEqual(["one two", "three"]);
    expect(wrapText("abcdefghij xy", mono, 1, 4)).toEqual(["abcd", "efgh", "ij", "xy"]);
  });

  it("never splits a grapheme", () => {
    const decomposed = "e\u0301e\u0301e\u0301";
    expect(wrapText(decomposed, mono, 1, 2)).toEqual(["éé", "é"]);
  });
});

describe("fitText", () => {
  it("shrinks until the text fits the lines allowed", () => {
    expect(fitText("abcdefghij", mono, { maxWidth: 10, maxSize: 3, minSize: 1, maxLines: 1 })).toEqual({
      size: 1,
      lines: ["abcdefghij"],
      truncated: false,
    });
    expect(fitText("abcde", mono, { maxWidth: 10, maxSize: 3, minSize: 1, maxLines: 1 }).size).toBe(2);
  });

  it("cuts with an ellipsis when the smallest size is still too big", () => {
    const fitted = fitText("aaaa bbbb cccc dddd eeee", mono, {
      maxWidth: 9,
      maxSize: 1,
      minSize: 1,
      maxLines: 2,
    });
    expect(fitted).toEqual({ size: 1, lines: ["aaaa bbbb", "cccc ddd…"], truncated: true });
  });
});

describe("small helpers", () => {
  it("keeps a line that fits and ellipsizes one that does not", () => {
    expect(truncateToWidth("short", mono, 1, 10)).toBe("short");
    expect(truncateToWidth("abcdefghijkl", mono, 1, 5)).toBe("abcd…");
  });

  it("flattens newlines, which pdf-lib would otherwise draw as line breaks", () => {
    expect(singleLine("  Zoe\u0308\n  Smith ")).toBe("Zoë Smith");
  });

  it("formats dates in UTC and rejects invalid ones", () => {
    expect(formatCertificateDate(new Date("2026-11-23T23:59:59Z"))).toBe("23 November 2026");
    expect(() => formatCertificateDate(new Date("nope"))).toThrow(RangeError);
  });

  it("parses #rrggbb and falls back to the default otherwise", () => {
    expect(brandColor("#FF0000")).toMatchObject({ red: 1, green: 0, blue: 0 });
    expect(brandColor("red")).toEqual(brandColor(undefined));
    expect(tint(brandColor("#000000"), 0.5)).toMatchObject({ red: 0.5, green: 0.5, blue: 0.5 });
  });
});
