import type { PDFFont, PDFImage, PDFPage, RGB } from "pdf-lib";
import { PDFString, rgb } from "pdf-lib";
import { tint } from "./certificate-style.ts";
import { fitText, type MeasureText, truncateToWidth } from "./wrap-text.ts";

/** What every drawing helper needs: the one landscape page, its fonts and the issuer's colour. */
export type Sheet = {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
  brand: RGB;
  width: number;
  height: number;
};

export type Fact = { label: string; value: string };

export const INK = rgb(0.11, 0.14, 0.17);
export const MUTED = rgb(0.37, 0.41, 0.45);
/** Inset of the content from the page edge; the frame sits in the margin. */
export const MARGIN = 58;
/** Baseline of the smallest print (credential id, verify URL), below the bottom row. */
const FOOTER_Y = 38;
/** The bottom row (issuer, facts, QR) sits between these two heights. */
export const ROW_BOTTOM = 56;
const QR_SIZE = 86;
export const ROW_TOP = ROW_BOTTOM + 14 + QR_SIZE;
const ISSUER_WIDTH = 250;
const GUTTER = 24;

export const measureWith =
  (font: PDFFont): MeasureText =>
  (text, size) =>
    font.widthOfTextAtSize(text, size);

type TextOptions = {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color?: RGB;
  align?: "left" | "center" | "right";
};

/** One line; for "center" and "right", x is the centre or the right edge. */
export function drawLine(sheet: Sheet, text: string, options: TextOptions): void {
  const width = options.font.widthOfTextAtSize(text, options.size);
  const shift = options.align === "center" ? width / 2 : options.align === "right" ? width : 0;
  sheet.page.drawText(text, {
    x: options.x - shift,
    y: options.y,
    size: options.size,
    font: options.font,
    color: options.color ?? INK,
  });
}

/** A thick band in the brand colour and a fine inner rule: reads as a certificate even in greyscale. */
export function drawFrame(sheet: Sheet): void {
  const { page, width, height, brand } = sheet;
  page.drawRectangle({ x: 0, y: 0, width, height, color: tint(brand, 0.94) });
  const band = { x: 16, y: 16, width: width - 32, height: height - 32 };
  page.drawRectangle({ ...band, color: rgb(1, 1, 1), borderColor: brand, borderWidth: 6 });
  const inner = { x: 26, y: 26, width: width - 52, height: height - 52 };
  page.drawRectangle({ ...inner, borderColor: tint(brand, 0.55), borderWidth: 0.75 });
}

/**
 * Issuer and dates at the left, anchored to the row's bottom so a two-line issuer grows upwards, but drawn
 * top-down so the text layer (copy-paste, screen readers) reads in order.
 */
export function drawIssuer(sheet: Sheet, issuer: string, dates: string[]): void {
  const measure = measureWith(sheet.bold);
  // One line at a readable size beats two lines; two lines beat an issuer cut short.
  const oneLine = fitText(issuer, measure, {
    maxWidth: ISSUER_WIDTH,
    maxSize: 13,
    minSize: 10.5,
    maxLines: 1,
  });
  const fitted = oneLine.truncated
    ? fitText(issuer, measure, { maxWidth: ISSUER_WIDTH, maxSize: 13, minSize: 8, maxLines: 2 })
    : oneLine;
  const leading = fitted.size * 1.2;
  const datesTop = ROW_BOTTOM + 4 + (dates.length - 1) * 13;
  const issuerTop = datesTop + 16 + (fitted.lines.length - 1) * leading;
  const ruleY = issuerTop + leading + 2;
  sheet.page.drawLine({
    start: { x: MARGIN, y: ruleY },
    end: { x: MARGIN + ISSUER_WIDTH * 0.7, y: ruleY },
    thickness: 1,
    color: sheet.brand,
  });
  fitted.lines.forEach((line, index) => {
    drawLine(sheet, line, { x: MARGIN, y: issuerTop - index * leading, size: fitted.size, font: sheet.bold });
  });
  dates.forEach((line, index) => {
    drawLine(sheet, line, {
      x: MARGIN,
      y: datesTop - index * 13,
      size: 9,
      font: sheet.regular,
      color: MUTED,
    });
  });
}

/** Label/value rows between the issuer and the QR code; rows that do not fit the row's height are left out. */
export function drawFacts(sheet: Sheet, facts: Fact[]): void {
  const left = MARGIN + ISSUER_WIDTH + GUTTER;
  const tableWidth = sheet.width - MARGIN - QR_SIZE - GUTTER - left;
  const size = 8;
  const rowHeight = 14;
  const rows = facts.slice(0, Math.floor((ROW_TOP - ROW_BOTTOM) / rowHeight));
  if (rows.length === 0 || tableWidth < 80) return;
  const labelWidths = rows.map((fact) => sheet.regular.widthOfTextAtSize(fact.label, size));
  const labelColumn = Math.min(Math.max(...labelWidths), tableWidth * 0.45);
  const valueWidth = tableWidth - labelColumn - 10;
  rows.forEach((fact, index) => {
    const top = ROW_TOP - index * rowHeight;
    const baseline = top - rowHeight + 4;
    const label = truncateToWidth(fact.label, measureWith(sheet.regular), size, labelColumn);
    const value = truncateToWidth(fact.value, measureWith(sheet.bold), size, valueWidth);
    drawLine(sheet, label, { x: left, y: baseline, size, font: sheet.regular, color: MUTED });
    drawLine(sheet, value, { x: left + labelColumn + 10, y: baseline, size, font: sheet.bold });
    sheet.page.drawLine({
      start: { x: left, y: top - rowHeight },
      end: { x: left + tableWidth, y: top - rowHeight },
      thickness: 0.5,
      color: tint(sheet.brand, 0.75),
    });
  });
}

/**
 * The QR code at the bottom-right with its caption underneath. The code is also a link to the same address (a PDF
 * URI action), so a reader clicks where a phone scans, and a verifier reading the file finds the address in it.
 */
export function drawQr(sheet: Sheet, qr: PDFImage, url: string): void {
  const x = sheet.width - MARGIN - QR_SIZE;
  sheet.page.drawImage(qr, { x, y: ROW_TOP - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const { context } = sheet.page.doc;
  const link = context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [x, ROW_TOP - QR_SIZE, x + QR_SIZE, ROW_TOP],
    Border: [0, 0, 0],
    A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
  });
  sheet.page.node.addAnnot(context.register(link));
  const caption = { x: x + QR_SIZE / 2, y: ROW_BOTTOM + 2, size: 8, font: sheet.bold, color: MUTED };
  drawLine(sheet, "Scan to verify", { ...caption, align: "center" });
}

/**
 * The credential id (left) and the verify URL (right, under the QR code) in small print. Each shrinks to
 * its half of the line; the id may be cut, the URL is shrunk further rather than cut, since people type it.
 */
export function drawFooter(sheet: Sheet, credentialId: string, verifyUrl: string): void {
  const half = (sheet.width - 2 * MARGIN) / 2 - 12;
  const id = fitText(`Credential ID: ${credentialId}`, measureWith(sheet.regular), {
    maxWidth: half,
    maxSize: 7,
    minSize: 5.5,
    maxLines: 1,
  });
  const url = fitText(verifyUrl, measureWith(sheet.regular), {
    maxWidth: half,
    maxSize: 7,
    minSize: 4,
    maxLines: 1,
  });
  const common = { y: FOOTER_Y, font: sheet.regular, color: MUTED };
  drawLine(sheet, id.lines[0] ?? "", { ...common, x: MARGIN, size: id.size });
  drawLine(sheet, url.lines[0] ?? "", { ...common, x: sheet.width - MARGIN, size: url.size, align: "right" });
}
