import type { Project, RubricCriterion } from "../../domain/earning/course.ts";
import type { RubricGrade } from "../../domain/earning/enrolment.ts";
import type { ProjectSubmission, SubmissionFile, SubmissionStatus } from "../../domain/earning/submission.ts";
import { plural } from "./kit.tsx";

/** "1 point", "2 points". */
export const pointsText = (points: number) => plural(points, "point");

// Pieces the learner's project page and the grading screen share.

export const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  submitted: "Awaiting grading",
  returned: "Returned for revision",
  graded: "Graded",
};

/** Plain text in paragraphs (blank lines separate them); shown as text, never as HTML. */
export const Paragraphs = (props: { text: string }) => (
  <>
    {props.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (
        <p class="wrap">{p}</p>
      ))}
  </>
);

/** The rubric as a table: one row per criterion, its levels with points and descriptors; a grade marks the chosen level. */
export function RubricTable(props: {
  rubric: readonly RubricCriterion[];
  grade?: RubricGrade | null;
  caption: string;
}) {
  if (!props.rubric.length) return <p>This project has no rubric yet.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Levels</th>
            {props.grade ? <th scope="col">Result</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rubric.map((c) => {
            const chosen = props.grade?.[c.id];
            const level = chosen && c.levels.find((l) => l.id === chosen.levelId);
            return (
              <tr>
                <th scope="row">
                  {c.name}
                  {c.description ? <p class="hint">{c.description}</p> : null}
                </th>
                <td>
                  <ul class="plain">
                    {c.levels.map((l) => (
                      <li>
                        <strong>{l.name}</strong> ({pointsText(l.points)})
                        {l.descriptor ? `: ${l.descriptor}` : ""}
                      </li>
                    ))}
                  </ul>
                </td>
                {props.grade ? (
                  <td>
                    {chosen ? `${level ? level.name : "?"} (${pointsText(chosen.points)})` : "Not graded"}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What a learner handed in: text, links and files (each file a download link). */
export function SubmittedWork(props: {
  submission: ProjectSubmission;
  files: readonly SubmissionFile[];
  fileHref: (file: SubmissionFile) => string;
}) {
  const { submission, files } = props;
  return (
    <>
      {submission.text ? <Paragraphs text={submission.text} /> : null}
      {submission.links.length ? (
        <>
          <h4>Links</h4>
          <ul>
            {submission.links.map((link) => (
              <li>
                <a href={link} rel="noopener noreferrer nofollow">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {files.length ? (
        <>
          <h4>Files</h4>
          <ul>
            {files.map((file) => (
              <li>
                <a href={props.fileHref(file)}>{file.name}</a> ({Math.max(1, Math.round(file.size / 1024))}{" "}
                KB)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What the project accepts, in a sentence. */
export const acceptsText = (accepts: Project["accepts"]) =>
  [
    accepts.text ? "text" : "",
    accepts.links ? "links (https)" : "",
    accepts.files
      ? `files (${accepts.fileTypes.map((t) => `.${t}`).join(", ")}, up to ${accepts.maxFileMb} MB each)`
      : "",
  ]
    .filter(Boolean)
    .join(", ");

/** Headers for a downloaded submission file: always an attachment, named safely, never sniffed or cached. */
export const downloadHeaders = (file: SubmissionFile) => {
  const ascii = file.name.replace(/[^A-Za-z0-9._ -]/g, "_");
  return {
    "content-type": file.mediaType,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
};
