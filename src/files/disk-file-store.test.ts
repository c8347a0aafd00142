import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFileStore } from "./disk-file-store.ts";

const root = mkdtempSync(join(tmpdir(), "cairn-store-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the disk file store", () => {
  it("keeps bytes by key, returns undefined for a missing key, and deletes", async () => {
    const store = diskFileStore(join(root, "files"));
    const key = "0b6c1f0e-3a52-4d47-9d3b-1c2f7f4b9a10";
    await store.put(key, new Uint8Array([1, 2, 3]));
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(readdirSync(join(root, "files", "0b"))).toEqual([key]);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
    await store.delete(key);
  });
  it("refuses any key that is not a generated id, so no key can reach outside its folder", async () => {
    const store = diskFileStore(join(root, "files"));
    for (const key of ["../escape", "a/b", "", ".hidden", "a\\b", "x".repeat(200)]) {
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid file key/);
      await expect(store.get(key)).rejects.toThrow(/invalid file key/);
    }
    expect(readdirSync(root)).toEqual(["files"]);
  });
});
