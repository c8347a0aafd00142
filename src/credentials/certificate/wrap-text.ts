/** Width in points of `text` set at `size` points: a pdf-lib font's `widthOfTextAtSize`, or a stub in tests. */
export type MeasureText = (text: string, size: number) => number;

/** `truncated`: the text did not fit even at the smallest size and was cut. */
export type FittedText = { size: number; lines: string[]; truncated: boolean };

const ELLIPSIS = "…";

/** NFC, one line: pdf-lib turns "\n" into a line break, and decomposed accents would measure wrongly. */
export function singleLine(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Greedy word wrap. A word wider than a line (a URL, a long compound) is broken between graphemes. */
export function wrapText(text: string, measure: MeasureText, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of singleLine(text).split(" ")) {
    if (word === "") continue;
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = measure(word, size) <= maxWidth ? [word] : breakWord(word, measure, size, maxWidth);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? "";
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size in [minSize, maxSize] at which `text` wraps into at most `maxLines` lines. If even
 * `minSize` needs more, the text is cut after `maxLines` lines and the last one ends in an ellipsis, so a
 * very long name or description can never push the layout off the page.
 */
export function fitText(
  text: string,
  measure: MeasureText,
  box: { maxWidth: number; maxSize: number; minSize: number; maxLines: number },
): FittedText {
  for (let size = box.maxSize; size > box.minSize; size -= 0.5) {
    const lines = wrapText(text, measure, size, box.maxWidth);
    if (lines.length <= box.maxLines) return { size, lines, truncated: false };
  }
  const size = box.minSize;
  const lines = wrapText(text, measure, size, box.maxWidth);
  if (lines.length <= box.maxLines) return { size, lines, truncated: false };
  const kept = lines.slice(0, box.maxLines - 1);
  const last = lines[box.maxLines - 1] ?? "";
  return { size, lines: [...kept, ellipsize(last, measure, size, box.maxWidth)], truncated: true };
}

/** `text` unchanged when it fits on one line, otherwise cut to fit with an ellipsis. */
export function truncateToWidth(text: string, measure: MeasureText, size: number, maxWidth: number): string {
  const line = singleLine(text);
  return measure(line, size) <= maxWidth ? line : ellipsize(line, measure, size, maxWidth);
}

// Ends `text` with "…" within maxWidth, preferring a word boundary when that keeps most of the line.
function ellipsize(text: string, measure: MeasureText, size: number, maxWidth: number): string {
  const parts = graphemes(text);
  let count = parts.length;
  while (count > 0 && measure(`${parts.slice(0, count).join("")}${ELLIPSIS}`, size) > maxWidth) count--;
  let kept = parts.slice(0, count).join("");
  const lastSpace = kept.lastIndexOf(" ");
  if (lastSpace > kept.length * 0.6) kept = kept.slice(0, lastSpace);
  return `${kept.replace(/[\s,;:.\-–—]+$/u, "")}${ELLIPSIS}`;
}

function breakWord(word: string, measure: MeasureText, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const grapheme of graphemes(word)) {
    if (piece && measure(piece + grapheme, size) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += grapheme;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

// Graphemes, not UTF-16 units or code points, so a cut never splits "é" written as e + ◌́ or a surrogate pair.
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text), (s) => s.segment);
}
