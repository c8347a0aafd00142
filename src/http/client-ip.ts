import type { Context } from "hono";

/** The peer address as the Node server saw it; requests made in-process (tests) have none. */
export function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}
