import type { Definition } from "./definition.ts";

export type AchievementContext = {
  id: string;
  version: number;
  issuer: { id: string; name: string; url?: string | undefined };
  imageUrl?: string | undefined;
};

/** Cairn's JSON-LD context for the EU elements with no OB 3.0 field; bundled with every Cairn verifier. */
export const CAIRN_CONTEXT_URL = "https://w3id.org/cairn/micro-credential/v1";

/**
 * The OB 3.0 Achievement for a definition version, as it appears inside credentials and on the public page.
 * ECTS become `creditsAvailable`; the other EU elements use Cairn's context (CAIRN_CONTEXT_URL), so they are signed too.
 */
export function achievementJson(
  definition: Definition,
  context: AchievementContext,
): Record<string, unknown> {
  const d = definition;
  return {
    id: context.id,
    type: ["Achievement"],
    achievementType: d.achievementType,
    name: d.name,
    description: d.description,
    criteria: { narrative: d.criteria },
    creator: {
      id: context.issuer.id,
      type: ["Profile"],
      name: context.issuer.name,
      ...(context.issuer.url ? { url: context.issuer.url } : {}),
    },
    version: String(context.version),
    ...(context.imageUrl
      ? {
          image: {
            id: context.imageUrl,
            type: "Image",
            caption: d.imageAlt ?? `${d.name}: ${d.description}`.slice(0, 300),
          },
        }
      : {}),
    ...(d.tags.length ? { tag: d.tags } : {}),
    ...(d.humanCode ? { humanCode: d.humanCode } : {}),
    ...(d.fieldOfStudy ? { fieldOfStudy: d.fieldOfStudy } : {}),
    ...(d.ects !== undefined ? { creditsAvailable: d.ects } : {}),
    ...(d.inLanguage ? { inLanguage: d.inLanguage } : {}),
    ...(d.related.length ? { related: d.related.map((id) => ({ id, type: ["Related"] })) } : {}),
    ...(d.learningOutcomes.length ? { learningOutcome: d.learningOutcomes } : {}),
    ...(d.workloadHours !== undefined ? { notionalWorkloadHours: d.workloadHours } : {}),
    ...(d.eqfLevel !== undefined ? { eqfLevel: d.eqfLevel } : {}),
    ...(d.assessmentType ? { assessmentType: d.assessmentType } : {}),
    ...(d.participationForm ? { participationForm: d.participationForm } : {}),
    ...(d.qualityAssurance ? { qualityAssurance: d.qualityAssurance } : {}),
    ...(d.prerequisites ? { prerequisites: d.prerequisites } : {}),
    ...(d.supervision ? { assessmentSupervision: d.supervision } : {}),
    ...(d.identityVerification ? { identityVerification: d.identityVerification } : {}),
    ...(d.stackability ? { stackability: d.stackability } : {}),
    ...(d.durationWeeks !== undefined ? { durationWeeks: d.durationWeeks } : {}),
    ...(d.hoursPerWeek !== undefined ? { hoursPerWeek: d.hoursPerWeek } : {}),
    ...(d.cost !== undefined ? { cost: d.cost } : {}),
    ...(d.cost !== undefined && d.currency ? { costCurrency: d.currency } : {}),
    ...(d.pacing ? { pacing: d.pacing } : {}),
    ...(d.startDates.length ? { cohortStartDate: d.startDates } : {}),
    ...(d.industry ? { industry: d.industry } : {}),
    ...(d.alignments.length
      ? {
          alignment: d.alignments.map((a) => ({
            type: ["Alignment"],
            targetType: "ceterms:Skill",
            targetName: a.targetName,
            targetUrl: a.targetUrl,
            ...(a.targetCode ? { targetCode: a.targetCode } : {}),
            ...(a.targetFramework ? { targetFramework: a.targetFramework } : {}),
          })),
        }
      : {}),
  };
}
