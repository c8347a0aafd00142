import type { PDFFont, PDFImage, RGB } from "pdf-lib";
import { drawLine, MARGIN, MUTED, measureWith, ROW_TOP, type Sheet } from "./certificate-parts.ts";
import { fitText } from "./wrap-text.ts";

/** The words of the centred main column. */
export type ColumnText = {
  learnerName: string;
  achievementName: string;
  achievementDescription?: string | undefined;
};

/** One piece of the centred main column: how tall it is, and how to draw it hanging from `top`. */
type Block = { height: number; draw: (top: number) => void };

type TextStyle = {
  font: PDFFont;
  color?: RGB;
  maxSize: number;
  minSize: number;
  maxLines: number;
  width: number;
  leading?: number;
  gap: number;
};

const BADGE_SIZE = 76;

/** Badge, heading, learner, "has earned", achievement and description, centred above the bottom row. */
export function drawMainColumn(sheet: Sheet, text: ColumnText, badge: PDFImage | undefined): void {
  drawColumn(sheet, mainBlocks(sheet, text, badge));
}

function mainBlocks(sheet: Sheet, input: ColumnText, badge: PDFImage | undefined): Block[] {
  const { regular, bold, brand } = sheet;
  const width = sheet.width - 2 * MARGIN - 80;
  const blocks: Block[] = [];
  if (badge) blocks.push(badgeBlock(sheet, badge));
  blocks.push(
    headingBlock(sheet, width),
    textBlock(sheet, input.learnerName, { font: bold, maxSize: 34, minSize: 14, maxLines: 1, width, gap: 8 }),
    textBlock(sheet, "has earned", {
      font: regular,
      color: MUTED,
      maxSize: 12,
      minSize: 12,
      maxLines: 1,
      width,
      gap: 8,
    }),
    textBlock(sheet, input.achievementName, {
      font: bold,
      color: brand,
      maxSize: 22,
      minSize: 12,
      maxLines: 2,
      width,
      leading: 1.25,
      gap: 10,
    }),
  );
  if (input.achievementDescription?.trim()) {
    // Narrower than the title: a paragraph reads better at ~90 characters a line than at the full width.
    const style = {
      font: regular,
      color: MUTED,
      maxSize: 10.5,
      minSize: 9,
      maxLines: 3,
      leading: 1.4,
      gap: 0,
    };
    blocks.push(textBlock(sheet, input.achievementDescription, { ...style, width: width - 120 }));
  }
  return blocks;
}

function badgeBlock(sheet: Sheet, badge: PDFImage): Block {
  const scale = Math.min(BADGE_SIZE / badge.width, BADGE_SIZE / badge.height);
  const width = badge.width * scale;
  const height = badge.height * scale;
  const x = sheet.width / 2 - width / 2;
  return {
    height: BADGE_SIZE + 14,
    draw: (top) =>
      sheet.page.drawImage(badge, { x, y: top - BADGE_SIZE + (BADGE_SIZE - height) / 2, width, height }),
  };
}

function headingBlock(sheet: Sheet, width: number): Block {
  const text = textBlock(sheet, "Certificate of achievement", {
    font: sheet.bold,
    color: sheet.brand,
    maxSize: 20,
    minSize: 20,
    maxLines: 1,
    width,
    gap: 0,
  });
  const center = sheet.width / 2;
  return {
    height: text.height + 18,
    draw: (top) => {
      text.draw(top);
      const y = top - text.height - 4;
      sheet.page.drawLine({
        start: { x: center - 28, y },
        end: { x: center + 28, y },
        thickness: 1.5,
        color: sheet.brand,
      });
    },
  };
}

function textBlock(sheet: Sheet, text: string, style: TextStyle): Block {
  const box = {
    maxWidth: style.width,
    maxSize: style.maxSize,
    minSize: style.minSize,
    maxLines: style.maxLines,
  };
  const fitted = fitText(text, measureWith(style.font), box);
  const leading = fitted.size * (style.leading ?? 1.2);
  const { font, color } = style;
  return {
    height: fitted.lines.length * leading + style.gap,
    draw: (top) =>
      fitted.lines.forEach((line, index) => {
        const y = top - fitted.size - index * leading;
        drawLine(sheet, line, { x: sheet.width / 2, y, size: fitted.size, font, color, align: "center" });
      }),
  };
}

/** Stacks the blocks between the top margin and the bottom row, a little above centre where a title sits. */
function drawColumn(sheet: Sheet, blocks: Block[]): void {
  const top = sheet.height - MARGIN;
  const bottom = ROW_TOP + 20;
  const total = blocks.reduce((sum, block) => sum + block.height, 0);
  let y = top - Math.max(0, (top - bottom - total) * 0.4);
  for (const block of blocks) {
    block.draw(y);
    y -= block.height;
  }
}
