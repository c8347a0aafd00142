import { Resvg } from "@resvg/resvg-js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { decodedQrCodes, firstPage, type PdfPage, pageImages, pageText } from "../../../test/pdf-reader.ts";
import { type CertificateInput, renderCertificatePdf } from "./certificate-pdf.ts";
import { DEFAULT_BRAND_COLOR } from "./certificate-style.ts";

const VERIFY_URL = "https://cairn.example.org/verify/3f2a1c4e-9b7d-4e2a-8f1c-2b3d4e5f6a7b";

const BADGE_PNG = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#c80"/></svg>',
  { fitTo: { mode: "width", value: 120 } },
)
  .render()
  .asPng();

function certificate(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    learnerName: "Zoë Ångström-Łukasiewicz",
    achievementName: "Research Data Stewardship",
    achievementDescription: "Plans, documents and publishes research data following the FAIR principles.",
    issuerName: "Université de Genève",
    issuedOn: new Date("2026-11-23T23:30:00Z"),
    credentialId: "urn:uuid:3f2a1c4e-9b7d-4e2a-8f1c-2b3d4e5f6a7b",
    verifyUrl: VERIFY_URL,
    pageSize: "A4",
    ...overrides,
  };
}

async function strokeColors(page: PdfPage): Promise<string[]> {
  const operators = await page.getOperatorList();
  return operators.fnArray.flatMap((fn, index) =>
    fn === pdfjs.OPS.setStrokeRGBColor ? [String(operators.argsArray[index][0])] : [],
  );
}

describe("renderCertificatePdf", () => {
  it.each([
    {
      pageSize: "A4" as const,
      size: [841.89, 595.28],
      learnerName: "Zoë Ångström-Łukasiewicz",
      issuerName: "Université de Genève",
    },
    {
      pageSize: "Letter" as const,
      size: [792, 612],
      learnerName: "Αικατερίνη Παπαδοπούλου",
      issuerName: "Київський політехнічний інститут",
    },
  ])("renders a $pageSize landscape page with a text layer and a QR code", async (example) => {
    const input = certificate({
      pageSize: example.pageSize,
      learnerName: example.learnerName,
      issuerName: example.issuerName,
      expiresOn: new Date("2030-01-01T00:00:00Z"),
      badgePng: BADGE_PNG,
      euFacts: [
        { label: "EQF level", value: "6" },
        { label: "Workload", value: "125 hours" },
        { label: "ECTS credits", value: "5" },
      ],
    });
    const bytes = await renderCertificatePdf(input);
    const { doc, page } = await firstPage(bytes);

    expect(doc.numPages).toBe(1);
    // The QR code is also a link, readable in the file itself.
    expect(Buffer.from(bytes).toString("latin1")).toContain(`/URI (${VERIFY_URL})`);
    const [link] = (await page.getAnnotations()).filter((a) => a.subtype === "Link");
    expect(link?.url).toBe(VERIFY_URL);
    const [, , width, height] = page.view;
    expect(width).toBeCloseTo(example.size[0] ?? 0, 2);
    expect(height).toBeCloseTo(example.size[1] ?? 0, 2);

    const text = await pageText(page);
    for (const expected of [
      "Certificate of achievement",
      example.learnerName,
      "Research Data Stewardship",
      example.issuerName,
      VERIFY_URL,
      "Issued 23 November 2026",
      "Valid until 1 January 2030",
      "Scan to verify",
      "ECTS credits",
      "125 hours",
      input.credentialId,
    ]) {
      expect(text).toContain(expected);
    }

    const images = await pageImages(page);
    expect(images).toHaveLength(2);
    expect(decodedQrCodes(images)).toEqual([VERIFY_URL]);

    const { info } = await doc.getMetadata();
    expect(info).toMatchObject({
      Title: `Research Data Stewardship — ${example.learnerName}`,
      Author: example.issuerName,
      Creator: "Cairn",
      Language: "en",
    });
    expect(info).toHaveProperty("Subject", expect.stringContaining(example.learnerName));
  });

  it("draws the frame in the issuer's colour, and in the default teal when the colour is not #rrggbb", async () => {
    const branded = await firstPage(await renderCertificatePdf(certificate({ brandColor: "#7A1F3D" })));
    expect(await strokeColors(branded.page)).toContain("#7a1f3d");

    for (const bad of ["red", "#abc", "#12345g", "javascript:alert(1)"]) {
      const { page } = await firstPage(await renderCertificatePdf(certificate({ brandColor: bad })));
      const colors = await strokeColors(page);
      expect(colors).toContain(DEFAULT_BRAND_COLOR);
      expect(colors).not.toContain("#7a1f3d");
    }
  });

  it("keeps a 300-character achievement name and a very long description on one page", async () => {
    const achievementName = `${"Interdisciplinary ".repeat(17)}Capstone`.slice(0, 300);
    expect(achievementName).toHaveLength(300);
    const input = certificate({
      achievementName,
      achievementDescription: "Long paragraph. ".repeat(200),
      learnerName: "Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff von Habsburg-Lothringen",
    });
    const { doc, page } = await firstPage(await renderCertificatePdf(input));

    expect(doc.numPages).toBe(1);
    const text = await pageText(page);
    expect(text).toContain("…");
    expect(text).toContain("Interdisciplinary Interdisciplinary");
    expect(text).toContain(VERIFY_URL);
    expect(decodedQrCodes(await pageImages(page))).toEqual([VERIFY_URL]);
  });

  it("renders without a badge, description, expiry or facts", async () => {
    const { achievementDescription: _omitted, ...bare } = certificate();
    const { page } = await firstPage(await renderCertificatePdf(bare));

    const images = await pageImages(page);
    expect(images).toHaveLength(1);
    expect(decodedQrCodes(images)).toEqual([VERIFY_URL]);
    const text = await pageText(page);
    expect(text).toContain("Zoë Ångström-Łukasiewicz");
    expect(text).not.toContain("Valid until");
  });
});
