import { normalizeEmail } from "../../domain/rules.ts";
import type { User } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import type { AppDeps } from "../ports.ts";

/**
 * For the operator (CLI): makes the account with this address a platform admin, creating it if needed.
 * An existing account keeps its password unless a new one is given.
 */
export async function createAdmin(
  deps: AppDeps,
  input: { email: string; password: string; name?: string | undefined },
): Promise<{ user: User; created: boolean }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.uow(async (r) => {
    const now = deps.clock();
    const existing = await r.users.findByEmail(email);
    const user: User = existing
      ? { ...existing, isPlatformAdmin: true, passwordHash }
      : {
          id: deps.newId(),
          email,
          name: input.name?.trim() || email.split("@")[0] || email,
          passwordHash,
          emailVerifiedAt: now,
          isPlatformAdmin: true,
          createdAt: now,
        };
    if (existing) await r.users.update(user.id, { isPlatformAdmin: true, passwordHash });
    else await r.users.insert(user);
    await audit(r, { action: "user.made_admin", subject: user.id, data: { created: !existing }, at: now });
    return { user, created: !existing };
  });
}
