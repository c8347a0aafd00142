import { DomainError } from "../../domain/errors.ts";
import type { FrameworkLayout } from "../../domain/skills/framework-rows.ts";
import type { SkillFramework } from "../../domain/skills/types.ts";
import type { Actor } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import { authorizeOrganization } from "../authorize.ts";
import type { AppDeps } from "../ports.ts";
import { parseFrameworkCsv } from "./parse-framework-csv.ts";

/** Larger than any request the default body limit (CAIRN_BODY_LIMIT) lets through; ESCO's full file needs ~30 MB. */
export const SKILL_FILE_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_NAMES: Record<FrameworkLayout, string> = { esco: "ESCO skills", onet: "O*NET" };

export type ImportFrameworkInput = {
  /** The framework's name in this organization; importing again under the same name updates it. */
  name?: string | undefined;
  url?: string | undefined;
  /** The file's bytes, streamed. */
  file: AsyncIterable<Uint8Array>;
};

const tooLarge = () =>
  new DomainError("payload_too_large", "The file is larger than 8 MiB.", {
    file: "The file is larger than 8 MiB.",
  });

async function* limited(source: AsyncIterable<Uint8Array>, max: number) {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > max) throw tooLarge();
    yield chunk;
  }
}

/**
 * Imports a whole ESCO or O*NET framework: every row is validated first, then all skills are written
 * in one transaction (upsert by framework and code), or none are.
 */
export async function importSkillFramework(
  deps: AppDeps,
  actor: Actor,
  slug: string,
  input: ImportFrameworkInput,
): Promise<{ framework: SkillFramework; layout: FrameworkLayout; imported: number }> {
  await deps.uow((r) => authorizeOrganization(r, actor, slug, "credentials:issue"));
  const parsed = await parseFrameworkCsv(limited(input.file, SKILL_FILE_MAX_BYTES));
  if (parsed.errors.length > 0) {
    const summary = `${parsed.errors.length === 50 ? "At least 50" : parsed.errors.length} row(s) have problems; nothing was imported.`;
    const fields: Record<string, string> = { file: summary };
    for (const e of parsed.errors) fields[`line ${e.line}`] = e.message;
    throw new DomainError("validation_failed", summary, fields);
  }
  if (parsed.skills.length === 0) {
    throw new DomainError("validation_failed", "The file has no skills.", {
      file: "The file has no skills.",
    });
  }
  const name = input.name?.trim() || DEFAULT_NAMES[parsed.layout];
  return deps.uow(async (r) => {
    const { organization } = await authorizeOrganization(r, actor, slug, "credentials:issue");
    const now = deps.clock();
    const framework = (await r.skills.findFrameworkByName(organization.id, name)) ?? {
      id: deps.newId(),
      organizationId: organization.id,
      name,
      source: parsed.layout,
      url: input.url?.trim() || null,
      createdAt: now,
    };
    await r.skills.ensureFramework(framework);
    const imported = await r.skills.upsertSkills(
      framework.id,
      parsed.skills.map((s) => ({ ...s, id: deps.newId() })),
    );
    await audit(r, {
      action: "skills.framework_imported",
      actor,
      organizationId: organization.id,
      subject: framework.id,
      at: now,
      data: { name, layout: parsed.layout, imported },
    });
    return { framework, layout: parsed.layout, imported };
  });
}
