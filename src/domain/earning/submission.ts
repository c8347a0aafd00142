import type { Project, RubricCriterion } from "./course.ts";
import type { RubricGrade } from "./enrolment.ts";

/**
 * Project submissions: each revision is submitted, then graded or returned for revision. These rules decide what a
 * learner may submit and what an assessor's grade must look like; the use cases apply them inside a transaction.
 */

export type SubmissionStatus = "submitted" | "returned" | "graded";

export type ProjectSubmission = {
  id: string;
  enrolmentId: string;
  organizationId: string;
  projectId: string;
  revision: number;
  text: string;
  links: string[];
  status: SubmissionStatus;
  submittedAt: Date;
  gradedAt: Date | null;
  gradedBy: string | null;
  grade: RubricGrade | null;
  points: number | null;
  feedback: string | null;
};

export type SubmissionFile = {
  id: string;
  submissionId: string;
  name: string;
  mediaType: string;
  size: number;
  storageKey: string;
  createdAt: Date;
};

export const MAX_FILES_PER_SUBMISSION = 5;
export const MAX_LINKS_PER_SUBMISSION = 20;
const MB = 1024 * 1024;

/** The latest of a project's revisions. */
export const latestRevision = <S extends Pick<ProjectSubmission, "revision">>(revisions: readonly S[]) =>
  revisions.reduce<S | undefined>((a, b) => (a && a.revision > b.revision ? a : b), undefined);

export type Refusal = { code: string; message: string };

/**
 * The revision number a new submission gets, or why it is refused: late (after the due instant), a revision still
 * awaiting grading (duplicate), or a project already graded. After a return for revision, the next one is accepted.
 */
export function nextRevision(
  project: Pick<Project, "dueAt">,
  revisions: readonly Pick<ProjectSubmission, "revision" | "status">[],
  now: Date,
): { ok: true; revision: number } | { ok: false; refusal: Refusal } {
  if (project.dueAt && now.getTime() > Date.parse(project.dueAt))
    return {
      ok: false,
      refusal: { code: "submission_late", message: "This project closed for submissions when it was due." },
    };
  const latest = latestRevision(revisions);
  if (latest?.status === "submitted")
    return {
      ok: false,
      refusal: {
        code: "submission_pending",
        message:
          "Your last submission is still waiting to be graded; you can submit again only if it is returned.",
      },
    };
  if (latest?.status === "graded")
    return {
      ok: false,
      refusal: { code: "submission_already_graded", message: "This project is already graded." },
    };
  return { ok: true, revision: (latest?.revision ?? 0) + 1 };
}

/** A file's extension, lower case, without the dot ("" when it has none). */
export const extensionOf = (name: string) => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? "";
};

/** Why a file cannot be attached to this project, or undefined when it can. */
export function fileRefusal(
  accepts: Project["accepts"],
  file: { name: string; size: number },
): string | undefined {
  if (!accepts.files) return "This project does not accept files.";
  const extension = extensionOf(file.name);
  if (!accepts.fileTypes.includes(extension))
    return `${file.name}: this project accepts only ${accepts.fileTypes.map((t) => `.${t}`).join(", ")} files.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > accepts.maxFileMb * MB) return `${file.name} is larger than ${accepts.maxFileMb} MB.`;
  return undefined;
}

/** The links typed one per line: each must be an https address. Returns the links or the first bad line. */
export function parseLinks(text: string): { ok: true; links: string[] } | { ok: false; message: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > MAX_LINKS_PER_SUBMISSION)
    return { ok: false, message: `Give at most ${MAX_LINKS_PER_SUBMISSION} links.` };
  for (const line of lines) {
    if (!URL.canParse(line) || new URL(line).protocol !== "https:" || line.length > 2000)
      return { ok: false, message: `${line.slice(0, 80)} is not an https:// address.` };
  }
  return { ok: true, links: lines };
}

/**
 * Checks an assessor's choice of one level per criterion against the rubric: every criterion must be chosen, each
 * with a level of that criterion, and nothing else. Returns the grade with its points, or what is wrong.
 */
export function gradeFromChoices(
  rubric: readonly RubricCriterion[],
  choices: Readonly<Record<string, string>>,
): { ok: true; grade: RubricGrade; points: number } | { ok: false; message: string } {
  const known = new Set(rubric.map((c) => c.id));
  const extra = Object.keys(choices).find((id) => !known.has(id));
  if (extra !== undefined)
    return { ok: false, message: "The form names a criterion this rubric does not have." };
  const grade: RubricGrade = {};
  let points = 0;
  for (const criterion of rubric) {
    const levelId = choices[criterion.id];
    if (!levelId) return { ok: false, message: `Choose a level for “${criterion.name}”.` };
    const level = criterion.levels.find((l) => l.id === levelId);
    if (!level) return { ok: false, message: `“${criterion.name}” has no such level.` };
    grade[criterion.id] = { levelId, points: level.points };
    points += level.points;
  }
  return { ok: true, grade, points };
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
};

/** The media type a stored file is served with, from its extension (never from what the browser claimed). */
export const mediaTypeOf = (name: string) => MEDIA_TYPES[extensionOf(name)] ?? "application/octet-stream";

/** A file name safe to keep and show: its last path segment, without control characters, at most 200 characters. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).at(-1) ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200) || "file";
