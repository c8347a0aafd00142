import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { FileStore } from "../app/ports.ts";

// Keys are ids Cairn generates: letters, digits and dashes only, so a key can never name a path outside the root.
const KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

const isMissing = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";

/**
 * Files on disk under `root` (`<CAIRN_DATA_DIR>/files` in production), spread over subfolders by the key's first
 * two characters. A write goes to a temporary name first and is renamed into place, so a reader never sees half a
 * file.
 */
export function diskFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid file key: ${JSON.stringify(key.slice(0, 40))}`);
    return {
      dir: join(base, key.slice(0, 2).toLowerCase()),
      file: join(base, key.slice(0, 2).toLowerCase(), key),
    };
  };
  return {
    async put(key, bytes) {
      const { dir, file } = pathOf(key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.partial`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key).file));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key).file, { force: true });
    },
  };
}
