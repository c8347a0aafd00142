import { awardRequest } from "../../domain/awards/award-request.ts";
import type { Actor } from "../../domain/types.ts";
import { awardCredential } from "../awards/award-credential.ts";
import { awardCompletedPathways } from "../pathways/award-pathways.ts";
import { savePathway } from "../pathways/manage-pathway.ts";
import type { AppDeps } from "../ports.ts";
import { publishDemoDefinitions } from "./demo-definitions.ts";

/**
 * The Data Skills pathway: two cores and one of two electives stack into a certificate. The first learner gets the
 * rest of it (and so the certificate, awarded by the pathway); the second only a core, so they are part-way.
 * Re-running finds everything by its idempotency keys.
 */
export async function seedDemoPathway(deps: AppDeps, slug: string, ownerEmail: string, learners: string[]) {
  const owner = await deps.uow((r) => r.users.findByEmail(ownerEmail));
  if (!owner) return undefined;
  const actor: Actor = { kind: "user", userId: owner.id, isPlatformAdmin: false };
  const d = await publishDemoDefinitions(deps, actor, slug);
  const url = (key: string) => `${deps.publicUrl}/achievements/${d[key]?.id}`;
  const certificate = d["data-skills-certificate"];
  if (!certificate) return undefined;
  const component = (key: string, credits: number, label: string) => ({
    kind: "component" as const,
    componentId: key,
    achievementId: url(key),
    credits,
    label,
  });
  await savePathway(deps, actor, slug, certificate.id, {
    policy: "flag",
    pathway: {
      requirements: {
        kind: "all",
        children: [
          {
            kind: "all",
            label: "Cores",
            children: [
              component("data-literacy", 2, "Data Literacy Foundations"),
              component("statistics-python", 2, "Statistics with Python"),
            ],
          },
          {
            kind: "some",
            min: 1,
            label: "Elective",
            children: [
              component("data-visualisation", 3, "Data Visualisation Studio"),
              component("sustainable-supply", 3, "Sustainable Supply Chains"),
            ],
          },
        ],
      },
    },
  });
  const give = (key: string, email: string, issuedOn: string) =>
    awardCredential(deps, actor, slug, d[key]?.id ?? "", awardRequest.parse({ recipient: email, issuedOn }), {
      idempotencyKey: `demo:${email}:${key}`,
      notify: false,
    });
  const [first, second] = learners;
  if (first) {
    await give("statistics-python", first, "2026-06-15");
    await give("data-visualisation", first, "2026-09-30");
  }
  if (second) await give("statistics-python", second, "2026-07-01");
  return { id: certificate.id, name: certificate.name, url: `${deps.publicUrl}/pathways/${certificate.id}` };
}

/** Awards what the demo learners' pathways now complete (the workers do this in a running Cairn). */
export async function completeDemoPathways(deps: AppDeps, learnerEmails: string[]) {
  for (const email of learnerEmails) {
    const user = await deps.uow((r) => r.users.findByEmail(email));
    if (user) await awardCompletedPathways(deps, user.id);
  }
}
