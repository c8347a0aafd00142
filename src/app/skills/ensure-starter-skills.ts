import { STARTER_FRAMEWORK, starterSkills } from "../../domain/skills/starter-catalog.ts";
import type { AppDeps } from "../ports.ts";

/** Seeds (or refreshes) Cairn's starter skill catalog. Idempotent: safe on every start and from many processes. */
export const ensureStarterSkills = (deps: Pick<AppDeps, "uow" | "clock" | "newId" | "publicUrl">) =>
  deps.uow(async (r) => {
    await r.skills.ensureFramework({
      ...STARTER_FRAMEWORK,
      organizationId: null,
      url: null,
      createdAt: deps.clock(),
    });
    const skills = starterSkills(deps.publicUrl).map((s) => ({ ...s, id: deps.newId() }));
    return r.skills.upsertSkills(STARTER_FRAMEWORK.id, skills);
  });
