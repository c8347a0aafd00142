/** Cairn's own icon set for designed badges: SVG path data on a 24 × 24 grid (authored for Cairn, CC0). */
export const BADGE_ICONS = {
  star: { label: "Star", path: "M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7.1L12 17.3 5.8 21l1.6-7.1L2 9.2l7.1-.6z" },
  check: { label: "Check mark", path: "M4 12.5l5 5L20 6.5l-1.8-1.8L9 13.9l-3.2-3.2z" },
  book: {
    label: "Book",
    path: "M3 5c3-1.5 6-1.5 9 .5 3-2 6-2 9-.5v14c-3-1.5-6-1.5-9 .5-3-2-6-2-9-.5zm9 1.8v11.6c2-1.2 4.5-1.5 7-.8V6.3c-2.5-.7-5-.4-7 .5z",
  },
  code: {
    label: "Code brackets",
    path: "M8.6 6L3 12l5.6 6 1.5-1.4L5.8 12l4.3-4.6zm6.8 0l-1.5 1.4 4.3 4.6-4.3 4.6 1.5 1.4L21 12z",
  },
  leaf: {
    label: "Leaf",
    path: "M20 4C10 4 4 9 4 16c0 1.4.3 2.7.8 4l1.8-.9C8 14 12 10.5 17 9c-4 2.4-7 5.6-8.6 9.6C15.7 19.5 20 14 20 4z",
  },
  bulb: {
    label: "Light bulb",
    path: "M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2zM9 18.5h6V20a2 2 0 0 1-2 2h-2a2 2 0 0 1-2-2z",
  },
  people: {
    label: "People",
    path: "M8 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.9 3.1-7 7-7s7 3.1 7 7zm15.5 0c0-2.3-.9-4.4-2.4-5.9A6 6 0 0 1 23 20z",
  },
  gear: {
    label: "Gear",
    path: "M10.3 2h3.4l.5 2.6 1.9.8 2.2-1.5 2.4 2.4-1.5 2.2.8 1.9 2.6.5v3.4l-2.6.5-.8 1.9 1.5 2.2-2.4 2.4-2.2-1.5-1.9.8-.5 2.6h-3.4l-.5-2.6-1.9-.8-2.2 1.5-2.4-2.4 1.5-2.2-.8-1.9L2 13.7v-3.4l2.6-.5.8-1.9-1.5-2.2 2.4-2.4 2.2 1.5 1.9-.8zM12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z",
  },
} as const;
export type BadgeIcon = keyof typeof BADGE_ICONS;
export const BADGE_ICON_NAMES = Object.keys(BADGE_ICONS) as BadgeIcon[];
