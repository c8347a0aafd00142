import { isRecord, type JsonRecord } from "../verify/types.ts";
import type { ImportCheck } from "./types.ts";

// Defensive readers for documents from outside: every field may be missing or of the wrong type.

export { isRecord, type JsonRecord };

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** An image is a URL / data URI string, or an object with an `id` (OB 3.0 Image, OB 2.0 Image). */
export function imageOf(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  return isRecord(value) ? text(value.id) : undefined;
}

export function typesOf(value: unknown): string[] {
  const types = Array.isArray(value) ? value : [value];
  return types.filter((type): type is string => typeof type === "string");
}

export function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return text(value);
  return isRecord(value) ? text(value.id) : undefined;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Copies only the keys whose values are defined (so display objects carry no `undefined` members). */
export function defined<T extends Record<string, unknown>>(value: T): T {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries) as T;
}

export function passed(id: string, message: string): ImportCheck {
  return { id, status: "passed", message };
}
export function failed(id: string, message: string): ImportCheck {
  return { id, status: "failed", message };
}
export function skipped(id: string, message: string): ImportCheck {
  return { id, status: "skipped", message };
}

export function allPassed(checks: ImportCheck[]): boolean {
  return checks.every((check) => check.status !== "failed");
}
