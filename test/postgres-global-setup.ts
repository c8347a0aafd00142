// Vitest globalSetup for the "postgres" and "e2e" projects: one PostgreSQL server per test run.
// Tests read its admin URL with `inject("postgresUrl")` and make their own database on it
// (see withDatabase in ./postgres-server.ts). CAIRN_TEST_POSTGRES_URL points at an existing server instead.
import type { TestProject } from "vitest/node";
import { type PostgresServer, startPostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

// Both projects load this file through their own module runner, so module state is not shared between
// them; globalThis is (globalSetup runs in the main Vitest process). Reference-count one server.
type Shared = { server: Promise<PostgresServer>; users: number };
const KEY = Symbol.for("cairn.test.postgres-server");
const registry = globalThis as typeof globalThis & { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.CAIRN_TEST_POSTGRES_URL;
  if (external) {
    project.provide("postgresUrl", external);
    return async () => {};
  }
  let shared = registry[KEY];
  if (!shared) {
    shared = { server: startPostgres(), users: 0 };
    registry[KEY] = shared;
    // A failed start must not be cached for the other project: let it try again.
    shared.server.catch(() => {
      if (registry[KEY] === shared) delete registry[KEY];
    });
  }
  shared.users += 1;
  const server = await shared.server;
  project.provide("postgresUrl", server.url);
  let released = false;
  return async () => {
    if (released || !shared) return;
    released = true;
    shared.users -= 1;
    if (shared.users > 0) return;
    if (registry[KEY] === shared) delete registry[KEY];
    await server.stop();
  };
}
