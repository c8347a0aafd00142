import fontkit from "@pdf-lib/fontkit";
import { PageSizes, PDFDocument } from "pdf-lib";
import QRCode from "qrcode";
import type { CertificateInput } from "../../domain/wallet/types.ts";
import { drawMainColumn } from "./certificate-column.ts";
import { drawFacts, drawFooter, drawFrame, drawIssuer, drawQr, type Sheet } from "./certificate-parts.ts";
import { brandColor, formatCertificateDate } from "./certificate-style.ts";
import { loadCertificateFonts } from "./fonts.ts";
import { singleLine } from "./wrap-text.ts";

export type { CertificateInput };

/** A one-page landscape certificate with a real text layer (any Latin, Greek or Cyrillic name) and a QR code. */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const fonts = await loadCertificateFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Subsets keep a certificate to tens of kilobytes instead of carrying both whole fonts (~1 MB).
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const [shortSide, longSide] = PageSizes[input.pageSize];
  const page = doc.addPage([longSide, shortSide]);
  const brand = brandColor(input.brandColor);
  const sheet: Sheet = { page, regular, bold, brand, width: longSide, height: shortSide };

  setMetadata(doc, input);
  drawFrame(sheet);
  const badge = input.badgePng ? await doc.embedPng(input.badgePng) : undefined;
  drawMainColumn(sheet, input, badge);
  drawIssuer(sheet, input.issuerName, issueDates(input));
  drawFacts(sheet, input.euFacts ?? []);
  drawQr(sheet, await doc.embedPng(await qrPng(input.verifyUrl)), input.verifyUrl);
  drawFooter(sheet, input.credentialId, singleLine(input.verifyUrl));
  // Plain (not object-stream) objects keep the link readable in the file: `/URI (…)`, for a verifier to find.
  return doc.save({ useObjectStreams: false });
}

function setMetadata(doc: PDFDocument, input: CertificateInput): void {
  const learner = singleLine(input.learnerName);
  const achievement = singleLine(input.achievementName);
  const issuer = singleLine(input.issuerName);
  doc.setTitle(`${achievement} — ${learner}`, { showInWindowTitleBar: true });
  doc.setAuthor(issuer);
  doc.setSubject(`Certificate of achievement: ${learner} has earned ${achievement}, issued by ${issuer}`);
  doc.setKeywords(["certificate", "Open Badges", singleLine(input.credentialId)]);
  doc.setCreator("Cairn");
  doc.setProducer("Cairn");
  doc.setLanguage("en");
  // The issue date rather than the clock: the same credential always yields the same document information.
  doc.setCreationDate(input.issuedOn);
  doc.setModificationDate(input.issuedOn);
}

function issueDates(input: CertificateInput): string[] {
  const issued = `Issued ${formatCertificateDate(input.issuedOn)}`;
  return input.expiresOn ? [issued, `Valid until ${formatCertificateDate(input.expiresOn)}`] : [issued];
}

// A PNG at 6 px a module: pdf-lib embeds it losslessly and it stays sharp when printed at this size.
function qrPng(url: string): Promise<Uint8Array> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
}
