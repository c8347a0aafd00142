import { type SkillRecord, searchTextOf } from "./types.ts";

/** Cairn's own starter catalog: transferable, digital and green skills, authored for Cairn (CC0). */
export const STARTER_FRAMEWORK = {
  /** Fixed, so seeding is idempotent on every start and on every database. */
  id: "5b1e7c2a-0c4d-4f6e-8a1b-00000000ca12",
  name: "Cairn starter skills",
  source: "cairn",
} as const;

type Entry = readonly [slug: string, name: string, description: string, altLabels?: readonly string[]];

const ENTRIES: readonly Entry[] = [
  // Transferable
  ["communication", "Communication", "Explain ideas clearly in speech and writing to different audiences."],
  [
    "teamwork",
    "Teamwork",
    "Work with others toward a shared goal, sharing tasks and credit.",
    ["collaboration"],
  ],
  [
    "problem-solving",
    "Problem solving",
    "Define a problem, weigh options and carry out a workable solution.",
  ],
  [
    "critical-thinking",
    "Critical thinking",
    "Question claims, examine evidence and reach reasoned conclusions.",
  ],
  ["creativity", "Creativity", "Generate original ideas and turn them into useful results.", ["innovation"]],
  ["leadership", "Leadership", "Set direction, motivate people and take responsibility for outcomes."],
  ["time-management", "Time management", "Plan and prioritise work to meet deadlines.", ["planning"]],
  ["adaptability", "Adaptability", "Adjust to new conditions, tools and priorities.", ["flexibility"]],
  ["negotiation", "Negotiation", "Reach agreements that balance the interests of several parties."],
  [
    "intercultural-competence",
    "Intercultural competence",
    "Work respectfully across cultures and languages.",
  ],
  ["learning-to-learn", "Learning to learn", "Organise one's own learning and reflect on progress."],
  ["entrepreneurship", "Entrepreneurship", "Turn ideas into value for others, managing risk and resources."],
  ["project-management", "Project management", "Plan, run and close projects within scope, time and budget."],
  ["customer-service", "Customer service", "Understand and meet the needs of customers and service users."],
  [
    "presentation",
    "Presenting",
    "Deliver structured presentations that inform or persuade.",
    ["public speaking"],
  ],
  ["conflict-resolution", "Conflict resolution", "Help people resolve disagreements constructively."],
  ["ethical-reasoning", "Ethical reasoning", "Recognise ethical issues and act with integrity."],
  ["numeracy", "Numeracy", "Use numbers, measures and basic statistics in everyday work."],
  // Digital
  ["data-literacy", "Data literacy", "Find, read, evaluate and communicate with data.", ["data skills"]],
  ["digital-communication", "Digital communication", "Communicate and collaborate through digital tools."],
  ["digital-content-creation", "Digital content creation", "Create and edit digital text, images and media."],
  [
    "cybersecurity-awareness",
    "Cybersecurity awareness",
    "Protect devices, data and privacy from common threats.",
    ["security"],
  ],
  [
    "programming",
    "Programming",
    "Write, test and maintain software in a programming language.",
    ["coding", "software development"],
  ],
  ["data-analysis", "Data analysis", "Clean, analyse and visualise data to answer questions.", ["analytics"]],
  ["spreadsheets", "Spreadsheets", "Organise and calculate data with spreadsheet software.", ["excel"]],
  [
    "artificial-intelligence-literacy",
    "AI literacy",
    "Understand what AI systems can and cannot do, and use them responsibly.",
    ["artificial intelligence"],
  ],
  ["information-management", "Information management", "Search, store and organise information and files."],
  [
    "digital-accessibility",
    "Digital accessibility",
    "Make digital content usable by people with disabilities.",
    ["a11y", "wcag"],
  ],
  ["cloud-computing", "Cloud computing", "Use and manage cloud services for storage and computing."],
  [
    "user-experience-design",
    "User experience design",
    "Design digital services around users' needs.",
    ["ux"],
  ],
  ["digital-marketing", "Digital marketing", "Promote products and services through digital channels."],
  [
    "online-safety",
    "Online safety and wellbeing",
    "Protect health and wellbeing when using digital technology.",
  ],
  // Green
  [
    "sustainability-literacy",
    "Sustainability literacy",
    "Understand environmental, social and economic sustainability.",
    ["green skills"],
  ],
  ["circular-economy", "Circular economy", "Design out waste and keep materials in use."],
  ["energy-efficiency", "Energy efficiency", "Reduce energy use in buildings, processes and transport."],
  [
    "environmental-impact-assessment",
    "Environmental impact assessment",
    "Assess the environmental effects of plans and projects.",
  ],
  [
    "renewable-energy",
    "Renewable energy",
    "Understand, install or operate solar, wind and other renewable systems.",
  ],
  ["waste-management", "Waste management", "Prevent, sort, reuse and recycle waste safely."],
  [
    "climate-adaptation",
    "Climate adaptation",
    "Prepare people, places and organisations for climate change.",
  ],
  [
    "sustainable-procurement",
    "Sustainable procurement",
    "Buy goods and services with environmental and social criteria.",
  ],
  [
    "carbon-accounting",
    "Carbon accounting",
    "Measure and report greenhouse-gas emissions.",
    ["ghg", "carbon footprint"],
  ],
  ["biodiversity", "Biodiversity protection", "Protect and restore species and ecosystems."],
];

export const starterSkills = (publicUrl: string): SkillRecord[] =>
  ENTRIES.map(([slug, name, description, altLabels = []]) => {
    const code = `cairn:${slug}`;
    return {
      code,
      name,
      description,
      url: `${publicUrl}/skills/${code}`,
      searchText: searchTextOf(name, code, altLabels),
    };
  });
