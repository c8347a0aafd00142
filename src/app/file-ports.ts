// The port of stored files (project submissions' attachments). Re-exported from ports.ts.

/**
 * Bytes kept outside the database, by key. Keys are ids Cairn generates (never a user's file name); a disk adapter
 * keeps them under the data folder, another store (S3) could later take its place.
 */
export type FileStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or undefined when nothing is stored under this key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
};
