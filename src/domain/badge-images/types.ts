export type BadgeImageType = "image/png" | "image/svg+xml";

/** A badge image an organization uploaded or designed. Images are public once referenced by a credential. */
export type BadgeImage = {
  id: string;
  organizationId: string;
  contentType: BadgeImageType;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The template a designed image came from, so it can be edited again; null for uploads. */
  design: Record<string, unknown> | null;
  createdAt: Date;
};

export type BadgeImageSummary = Omit<BadgeImage, "bytes">;
