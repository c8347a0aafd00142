import { type Definition, definitionInput } from "../../domain/achievements/definition.ts";
import type { Actor } from "../../domain/types.ts";
import { createDefinition, listDefinitions, publishDefinition } from "../achievements/manage-definitions.ts";
import type { AppDeps } from "../ports.ts";

const DEFINITIONS: Record<
  string,
  Partial<Definition> & Pick<Definition, "name" | "description" | "criteria">
> = {
  "data-literacy": {
    name: "Data Literacy Foundations",
    description:
      "Reads, questions and presents data responsibly: sources, distributions, uncertainty and honest charts.",
    criteria:
      "Passed a proctored online assessment (70% or more) and a peer-reviewed data story graded against a rubric.",
    learningOutcomes: [
      "Judge a data source's reliability",
      "Explain a distribution and its uncertainty",
      "Build an honest chart from a public data set",
    ],
    workloadHours: 50,
    ects: 2,
    eqfLevel: 5,
    assessmentType: "peer-review",
    participationForm: "online",
    qualityAssurance:
      "Designed and reviewed yearly by Northfield's faculty quality board; externally accredited programme.",
    supervision: "supervised-online",
    identityVerification: "online",
    stackability: "Counts towards the Northfield Data Skills certificate (10 ECTS).",
    tags: ["data", "statistics"],
    humanCode: "NF-DATA-101",
    inLanguage: "en",
    alignments: [
      {
        targetName: "Data literacy",
        targetFramework: "Cairn starter skills",
        targetCode: "cairn:data-literacy",
        targetUrl: "https://esco.example.org/skill/data-literacy",
      },
    ],
  },
  "sustainable-supply": {
    name: "Sustainable Supply Chains",
    description: "Maps a supply chain's emissions (scopes 1–3) and proposes reductions with a cost estimate.",
    criteria: "Submitted a case-study report assessed by two assessors against the programme rubric.",
    learningOutcomes: [
      "Map scope 1–3 emissions of a supply chain",
      "Propose reductions with costs and trade-offs",
    ],
    workloadHours: 75,
    ects: 3,
    eqfLevel: 6,
    assessmentType: "project",
    participationForm: "blended",
    qualityAssurance: "Double-marked by two assessors; moderated by the programme's external examiner.",
    tags: ["sustainability", "logistics"],
    humanCode: "NF-SUST-210",
    inLanguage: "en",
  },
  "statistics-python": {
    name: "Statistics with Python",
    description: "Describes and tests data with Python: summaries, confidence intervals and regression.",
    criteria: "Passed an auto-graded notebook assessment (75% or more) and an oral check with a tutor.",
    learningOutcomes: ["Summarise a data set with pandas", "Fit and interpret a linear regression"],
    workloadHours: 50,
    ects: 2,
    eqfLevel: 5,
    assessmentType: "practical",
    participationForm: "online",
    qualityAssurance: "Reviewed yearly by Northfield's faculty quality board.",
    humanCode: "NF-DATA-120",
    inLanguage: "en",
  },
  "data-visualisation": {
    name: "Data Visualisation Studio",
    description: "Designs clear, accessible charts and dashboards for a real client brief.",
    criteria: "A studio project assessed against the programme rubric by two assessors.",
    learningOutcomes: ["Choose a chart for a question", "Design an accessible dashboard"],
    workloadHours: 75,
    ects: 3,
    eqfLevel: 5,
    assessmentType: "project",
    participationForm: "blended",
    qualityAssurance: "Double-marked; moderated by the external examiner.",
    humanCode: "NF-DATA-140",
    inLanguage: "en",
  },
  "accessible-dashboards": {
    name: "Accessible Dashboards",
    description:
      "Designs dashboards that answer a client's questions and that everyone can read: the right chart, WCAG AA contrast, labels and text alternatives.",
    criteria:
      "Complete the three modules, pass the Chart basics quiz (75% or more), review two classmates' dashboards, and have your own dashboard graded 6 points or more of 9 against the rubric.",
    learningOutcomes: [
      "Choose a chart that answers a stated question",
      "Design charts that meet WCAG 2.2 AA for contrast and text alternatives",
      "Explain design choices to a client in writing",
      "Review a peer's dashboard against a rubric",
    ],
    workloadHours: 30,
    ects: 1,
    eqfLevel: 5,
    assessmentType: "project",
    participationForm: "online",
    qualityAssurance:
      "Rubric moderated by Northfield's faculty quality board; peer reviews checked by an assessor before every grade.",
    supervision: "supervised-online",
    identityVerification: "online",
    stackability: "Stands alone; good preparation for the Data Visualisation Studio (NF-DATA-140).",
    prerequisites: "None: basic spreadsheet skills help.",
    durationWeeks: 6,
    hoursPerWeek: 5,
    cost: 149,
    currency: "EUR",
    pacing: "self-paced",
    industry: "technology",
    tags: ["data", "accessibility", "design"],
    humanCode: "NF-DATA-150",
    inLanguage: "en",
    alignments: [
      {
        targetName: "Data analysis",
        targetFramework: "Cairn starter skills",
        targetCode: "cairn:data-analysis",
        targetUrl: "https://esco.example.org/skill/data-analysis",
      },
      {
        targetName: "Digital accessibility",
        targetFramework: "Cairn starter skills",
        targetCode: "cairn:digital-accessibility",
        targetUrl: "https://esco.example.org/skill/digital-accessibility",
      },
    ],
  },
  "data-skills-certificate": {
    name: "Northfield Data Skills Certificate",
    description:
      "A stacked certificate: the data literacy and statistics cores and one applied elective, 7–8 ECTS in all.",
    criteria: "Hold the micro-credentials of the Data Skills pathway: both cores and one elective.",
    learningOutcomes: ["Work with data responsibly from source to story", "Apply it in one applied field"],
    ects: 7,
    eqfLevel: 5,
    assessmentType: "portfolio",
    participationForm: "blended",
    qualityAssurance:
      "Each component is quality-assured on its own; the pathway is approved by the faculty board.",
    stackability: "Stacks from Data Literacy Foundations, Statistics with Python and one elective.",
    humanCode: "NF-DATA-CERT",
    inLanguage: "en",
  },
};

/** Publishes the demo's micro-credentials (once) and returns each one's id and name. */
export async function publishDemoDefinitions(
  deps: AppDeps,
  actor: Actor,
  slug: string,
): Promise<Record<string, { id: string; name: string }>> {
  const existing = (await listDefinitions(deps, actor, slug)).achievements;
  const result: Record<string, { id: string; name: string }> = {};
  for (const [key, fields] of Object.entries(DEFINITIONS)) {
    let found = existing.find((a) => a.name === fields.name);
    if (!found) {
      const created = await createDefinition(deps, actor, slug, definitionInput.parse(fields));
      await publishDefinition(deps, actor, slug, created.id);
      found = { ...created, name: fields.name };
    }
    result[key] = { id: found.id, name: fields.name };
  }
  return result;
}
