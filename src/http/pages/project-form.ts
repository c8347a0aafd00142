import type { ProjectInput } from "../../app/earning/manage-project.ts";
import type { Project } from "../../domain/earning/course.ts";
import { type FormValues, fieldText } from "./forms.tsx";

// The project editor's form. Field names are the project's paths (rubric.0.levels.1.points …), so the schema's
// messages land on their fields. Blank criteria and level rows are left out; `slots` maps what is saved back to the
// rows of the form, so a message about the second saved criterion finds the row it came from.

export const levelRows = (filled: number) => Math.min(10, Math.max(4, filled + 2));
const DUE = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;
const checked = (values: FormValues, key: string) => fieldText(values, key) === "on";
const numberOr = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

/** How many criterion rows the posted or stored values have. */
export function criterionRows(values: FormValues): number {
  let rows = 0;
  for (const key of Object.keys(values)) {
    const match = /^rubric\.(\d+)\./.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return Math.min(20, rows);
}

export function levelRowsOf(values: FormValues, criterion: number): number {
  let filled = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^rubric\\.${criterion}\\.levels\\.(\\d+)\\.`).exec(key);
    if (match) filled = Math.max(filled, Number(match[1]) + 1);
  }
  return Math.min(10, filled);
}

export type Slots = { criterion: number; levels: number[] }[];

/** The posted form as the editor's input, and where each saved criterion and level sits in the form. */
export function projectFromForm(values: FormValues): { input: ProjectInput; slots: Slots } {
  const f = (key: string) => fieldText(values, key);
  const rubric: ProjectInput["rubric"] = [];
  const slots: Slots = [];
  for (let c = 0; c < criterionRows(values); c++) {
    const key = `rubric.${c}`;
    if (checked(values, `${key}.delete`) || !f(`${key}.name`).trim()) continue;
    const levels: ProjectInput["rubric"][number]["levels"] = [];
    const levelSlots: number[] = [];
    for (let l = 0; l < levelRowsOf(values, c); l++) {
      const level = `${key}.levels.${l}`;
      if (!f(`${level}.name`).trim() && !f(`${level}.points`).trim()) continue;
      const id = f(`${level}.id`);
      levels.push({
        ...(id ? { id } : {}),
        name: f(`${level}.name`),
        points: numberOr(f(`${level}.points`)) ?? Number.NaN,
        descriptor: f(`${level}.descriptor`),
      });
      levelSlots.push(l);
    }
    const id = f(`${key}.id`);
    rubric.push({
      ...(id ? { id } : {}),
      name: f(`${key}.name`),
      description: f(`${key}.description`),
      levels,
    });
    slots.push({ criterion: c, levels: levelSlots });
  }
  const due = f("dueAt").trim();
  const input: ProjectInput = {
    title: f("title"),
    brief: f("brief"),
    rubric,
    passPoints: numberOr(f("passPoints")) ?? 0,
    accepts: {
      text: checked(values, "accepts.text"),
      links: checked(values, "accepts.links"),
      files: checked(values, "accepts.files"),
      fileTypes: f("accepts.fileTypes")
        .split(/[\s,]+/)
        .map((t) => t.replace(/^\./, "").toLowerCase())
        .filter(Boolean),
      maxFileMb: numberOr(f("accepts.maxFileMb")) ?? 10,
    },
    ...(due ? { dueAt: DUE.test(due) ? `${due}:00Z` : due } : {}),
    ...(checked(values, "peer.enabled")
      ? {
          peerReview: {
            reviews: numberOr(f("peerReview.reviews")) ?? Number.NaN,
            disagreementPoints: numberOr(f("peerReview.disagreementPoints")) ?? Number.NaN,
            reviewBeforeGraded: checked(values, "peerReview.reviewBeforeGraded"),
          },
        }
      : {}),
  };
  return { input, slots };
}

/** Error keys of the saved project, moved to the form rows they came from; schema wording made plain. */
export function formErrors(errors: Record<string, string>, slots: Slots): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const plain = message.startsWith("Invalid input")
      ? "Enter a valid value (a number where one is asked)."
      : message;
    const match = /^rubric\.(\d+)(?:\.levels\.(\d+))?(.*)$/.exec(key);
    const slot = match ? slots[Number(match[1])] : undefined;
    if (!match || !slot) {
      moved[key] = plain;
      continue;
    }
    // "rubric.1.levels" (too few levels) points at the criterion's first level row.
    const levelPart =
      match[2] !== undefined
        ? `.levels.${slot.levels[Number(match[2])] ?? match[2]}`
        : match[3] === ".levels"
          ? ".levels.0"
          : "";
    const rest = match[3] && match[3] !== ".levels" ? match[3] : ".name";
    moved[`rubric.${slot.criterion}${levelPart}${rest}`] = plain;
  }
  return moved;
}

/** A stored project as form values. */
export function formFromProject(project: Project): FormValues {
  const values: FormValues = {
    title: project.title,
    brief: project.brief,
    passPoints: String(project.passPoints),
    dueAt: project.dueAt ? project.dueAt.slice(0, 16) : "",
    "accepts.text": project.accepts.text ? "on" : "",
    "accepts.links": project.accepts.links ? "on" : "",
    "accepts.files": project.accepts.files ? "on" : "",
    "accepts.fileTypes": project.accepts.fileTypes.join(", "),
    "accepts.maxFileMb": String(project.accepts.maxFileMb),
    "peer.enabled": project.peerReview ? "on" : "",
    "peerReview.reviews": String(project.peerReview?.reviews ?? 3),
    "peerReview.disagreementPoints": String(project.peerReview?.disagreementPoints ?? 2),
    "peerReview.reviewBeforeGraded": project.peerReview?.reviewBeforeGraded ? "on" : "",
  };
  project.rubric.forEach((criterion, c) => {
    values[`rubric.${c}.id`] = criterion.id;
    values[`rubric.${c}.name`] = criterion.name;
    values[`rubric.${c}.description`] = criterion.description;
    criterion.levels.forEach((level, l) => {
      values[`rubric.${c}.levels.${l}.id`] = level.id;
      values[`rubric.${c}.levels.${l}.name`] = level.name;
      values[`rubric.${c}.levels.${l}.points`] = String(level.points);
      values[`rubric.${c}.levels.${l}.descriptor`] = level.descriptor;
    });
  });
  return values;
}
