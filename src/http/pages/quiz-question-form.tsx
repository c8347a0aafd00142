import type { Question } from "../../domain/earning/course.ts";
import { Field, type FormErrors, type FormValues, fieldText } from "./forms.tsx";

// The question editor's form: how a stored question becomes form values, how posted values become the use case's
// input, and the fields themselves.

export const QUESTION_KINDS = {
  single: "Single choice",
  multiple: "Multiple choice",
  numeric: "Number",
  text: "Short text",
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;
export const isQuestionKind = (value: string): value is QuestionKind => value in QUESTION_KINDS;

const MAX_OPTIONS = 10;
const ticked = (values: FormValues) => ([] as string[]).concat(values.correct ?? []);

/** Form values showing a stored question. */
export function valuesFromQuestion(q: Question): FormValues {
  const values: FormValues = { kind: q.kind, prompt: q.prompt, points: String(q.points) };
  if (q.kind === "single" || q.kind === "multiple") {
    q.options.forEach((o, i) => {
      values[`option${i}`] = o.text;
      values[`optionId${i}`] = o.id;
    });
    values.correct = q.options.flatMap((o, i) => (q.correct.includes(o.id) ? [String(i)] : []));
  } else if (q.kind === "numeric") {
    values.answer = String(q.answer);
    values.tolerance = String(q.tolerance);
  } else values.accepted = q.accepted.join("\n");
  return values;
}

/** The posted form as the save use case reads it. */
export function questionInput(values: FormValues, kind: string) {
  const options = Array.from({ length: MAX_OPTIONS }, (_, i) => ({
    id: fieldText(values, `optionId${i}`),
    text: fieldText(values, `option${i}`),
    correct: ticked(values).includes(String(i)),
  })).filter((o) => o.text.trim() !== "" || o.id !== "");
  return {
    kind,
    prompt: fieldText(values, "prompt"),
    points: fieldText(values, "points"),
    options,
    answer: fieldText(values, "answer"),
    tolerance: fieldText(values, "tolerance"),
    accepted: fieldText(values, "accepted"),
  };
}

function OptionRows({
  kind,
  values,
  errors,
}: {
  kind: "single" | "multiple";
  values: FormValues;
  errors: FormErrors;
}) {
  const filled = Array.from({ length: MAX_OPTIONS }, (_, i) => fieldText(values, `option${i}`)).filter(
    Boolean,
  );
  const rows = Math.min(MAX_OPTIONS, Math.max(4, filled.length + 2));
  const error = errors?.options ?? errors?.correct;
  return (
    <fieldset id="field-options" class={error ? "has-error" : undefined}>
      <legend>Options</legend>
      <p class="hint" id="field-correct">
        {kind === "single"
          ? "Write at least two options and choose the one correct answer. Empty rows are left out."
          : "Write at least two options and tick every correct one. Learners score the question only when they tick exactly these."}
      </p>
      {error ? <p class="field-error">{error}</p> : null}
      {Array.from({ length: rows }, (_, i) => (
        <div class="field-row">
          <input type="hidden" name={`optionId${i}`} value={fieldText(values, `optionId${i}`)} />
          <div class="field">
            <label for={`field-option${i}`}>Option {i + 1}</label>
            <input
              id={`field-option${i}`}
              name={`option${i}`}
              type="text"
              value={fieldText(values, `option${i}`)}
            />
          </div>
          <div class="checkbox">
            <input
              type={kind === "single" ? "radio" : "checkbox"}
              id={`field-correct${i}`}
              name="correct"
              value={String(i)}
              checked={ticked(values).includes(String(i))}
            />
            <label for={`field-correct${i}`}>Option {i + 1} is correct</label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** The fields of one kind of question. */
export function QuestionFields({
  kind,
  values,
  errors,
}: {
  kind: QuestionKind;
  values: FormValues;
  errors: FormErrors;
}) {
  const f = (key: string) => fieldText(values, key);
  return (
    <>
      <Field
        name="prompt"
        label="Question"
        type="textarea"
        value={f("prompt")}
        errors={errors}
        maxlength={2000}
      />
      <Field
        name="points"
        label="Points"
        type="number"
        hint="What a right answer scores, from 1 to 100."
        value={f("points") || "1"}
        errors={errors}
      />
      {kind === "single" || kind === "multiple" ? (
        <OptionRows kind={kind} values={values} errors={errors} />
      ) : null}
      {kind === "numeric" ? (
        <>
          <Field name="answer" label="Correct answer" value={f("answer")} errors={errors} hint="A number." />
          <Field
            name="tolerance"
            label="Tolerance"
            value={f("tolerance")}
            errors={errors}
            hint="Answers this far from the correct one, or closer, count as right. 0 or empty: exactly."
          />
        </>
      ) : null}
      {kind === "text" ? (
        <Field
          name="accepted"
          label="Accepted answers"
          type="textarea"
          value={f("accepted")}
          errors={errors}
          hint="One per line. Compared ignoring case, accents, extra spaces and punctuation at the ends."
        />
      ) : null}
    </>
  );
}
