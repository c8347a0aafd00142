// Reads PDFs the way a person's viewer does (pdfjs): the text layer, the page size and the images, with QR codes decoded.
import jsqr from "jsqr";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfPage = Awaited<ReturnType<pdfjs.PDFDocumentProxy["getPage"]>>;
export type DecodedImage = {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
};

// jsqr is CommonJS with an ES-style `export default` in its types: under NodeNext the import is the module
// object, whose `default` is the decoder (at run time the export is the decoder and carries `default` too).
const jsQR = jsqr.default;

export async function firstPage(bytes: Uint8Array) {
  // pdfjs takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const data = bytes.slice();
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  return { doc, page: await doc.getPage(1) };
}

export async function pageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent();
  return content.items.map((item) => ("str" in item ? item.str : "")).join("\n");
}

function isDecodedImage(value: unknown): value is DecodedImage {
  if (typeof value !== "object" || value === null) return false;
  const image: Partial<Record<keyof DecodedImage, unknown>> = { ...value };
  return (
    typeof image.width === "number" &&
    typeof image.height === "number" &&
    typeof image.kind === "number" &&
    (image.data instanceof Uint8Array || image.data instanceof Uint8ClampedArray)
  );
}

/** Every image XObject the page paints, as pdfjs decoded it. */
export async function pageImages(page: PdfPage): Promise<DecodedImage[]> {
  const operators = await page.getOperatorList();
  const names = operators.fnArray.flatMap((fn, index) =>
    fn === pdfjs.OPS.paintImageXObject ? [String(operators.argsArray[index][0])] : [],
  );
  const decoded = await Promise.all(
    names.map((name) => new Promise<unknown>((resolve) => page.objs.get(name, resolve))),
  );
  return decoded.filter(isDecodedImage);
}

/** jsQR wants RGBA; pdfjs hands back 1-bit grey, RGB or RGBA. */
function toRgba(image: DecodedImage): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.kind === pdfjs.ImageKind.RGBA_32BPP) return new Uint8ClampedArray(image.data);
  const rgba = new Uint8ClampedArray(pixels * 4);
  const rowBytes = Math.ceil(image.width / 8);
  for (let i = 0; i < pixels; i++) {
    let value: [number, number, number];
    if (image.kind === pdfjs.ImageKind.RGB_24BPP) {
      value = [image.data[i * 3] ?? 0, image.data[i * 3 + 1] ?? 0, image.data[i * 3 + 2] ?? 0];
    } else {
      const x = i % image.width;
      const byte = image.data[Math.floor(i / image.width) * rowBytes + (x >> 3)] ?? 0;
      const grey = (byte >> (7 - (x & 7))) & 1 ? 255 : 0;
      value = [grey, grey, grey];
    }
    rgba.set([...value, 255], i * 4);
  }
  return rgba;
}

export function decodedQrCodes(images: DecodedImage[]): string[] {
  return images.flatMap((image) => {
    const code = jsQR(toRgba(image), image.width, image.height);
    return code ? [code.data] : [];
  });
}
