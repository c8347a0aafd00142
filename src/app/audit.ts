import type { Actor } from "../domain/types.ts";
import type { Repositories } from "./ports.ts";

export type AuditInput = {
  action: string;
  at: Date;
  actor?: Actor | null | undefined;
  organizationId?: string | null | undefined;
  subject?: string | null | undefined;
  data?: Record<string, unknown> | undefined;
};

export const audit = (r: Repositories, event: AuditInput): Promise<void> =>
  r.audit.record({
    action: event.action,
    at: event.at,
    organizationId: event.organizationId ?? null,
    actorUserId: event.actor?.kind === "user" ? event.actor.userId : null,
    actorApiKeyId: event.actor?.kind === "api_key" ? event.actor.apiKeyId : null,
    subject: event.subject ?? null,
    data: event.data ?? {},
  });

export const userActor = (userId: string): Actor => ({ kind: "user", userId, isPlatformAdmin: false });
