import type { Actor } from "../../domain/types.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps, AuditEntry } from "../ports.ts";

export const EVENTS_PER_PAGE = 50;

const show = (value: unknown): string =>
  value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** "status: active → revoked; statusReason: — → Fraud" from an event's before/after, or its other data. */
export function diffSummary(data: Record<string, unknown>): string {
  const { before, after, ...rest } = data;
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const changes = keys
      .filter((k) => show(b[k]) !== show(a[k]))
      .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`);
    if (changes.length > 0) return changes.join("; ");
  }
  const other = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined);
  return other
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join("; ")
    .slice(0, 300);
}

/**
 * An organization's audit log, newest first, for its owners only ("organization:write" is the owners'
 * permission; outsiders get 404 and other members 403). The log is append-only: this only reads.
 */
export const listAuditEvents = (deps: AppDeps, actor: Actor, slug: string, page: number) =>
  deps.uow(async (r) => {
    const access = await authorizeOrganization(r, actor, slug, "organization:write");
    const rows = await r.auditTrail.list(access.organization.id, {
      limit: EVENTS_PER_PAGE + 1,
      offset: (page - 1) * EVENTS_PER_PAGE,
    });
    const events = rows
      .slice(0, EVENTS_PER_PAGE)
      .map((e: AuditEntry) => ({ ...e, summary: diffSummary(e.data) }));
    return { ...access, events, page, hasNext: rows.length > EVENTS_PER_PAGE };
  });
