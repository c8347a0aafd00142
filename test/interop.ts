import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The shared interop folder lives beside the repository (../shared/interop); tests skip when it is absent.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const interopDir = resolve(repoRoot, "..", "shared", "interop");
export const hasInterop = existsSync(interopDir);
export const interopSkipReason = `interop test data not found at ${interopDir}; these tests are skipped`;

if (!hasInterop) console.warn(interopSkipReason);

export function interopPath(...parts: string[]): string {
  return join(interopDir, ...parts);
}

export function readInteropBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(interopPath(...parts)));
}

export function readInteropText(...parts: string[]): string {
  return readFileSync(interopPath(...parts), "utf8");
}

export function readInteropJson<T = Record<string, unknown>>(...parts: string[]): T {
  return JSON.parse(readInteropText(...parts)) as T;
}
