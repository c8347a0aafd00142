import type { PublicQuestion } from "../../domain/earning/quiz-view.ts";

import { pointsText } from "./project-parts.tsx";

/** One question of an open attempt as a form control: radios, checkboxes, a number or a text box, each labelled. */
export function QuestionInput({
  question,
  index,
  name,
}: {
  question: PublicQuestion;
  index: number;
  name: string;
}) {
  const id = `answer-${index}`;
  const heading = `Question ${index + 1} (${pointsText(question.points)})`;
  if (question.kind === "single" || question.kind === "multiple") {
    const type = question.kind === "single" ? "radio" : "checkbox";
    return (
      <fieldset aria-describedby={question.kind === "multiple" ? `${id}-hint` : undefined}>
        <legend>
          {heading}: {question.prompt}
        </legend>
        {question.kind === "multiple" ? (
          <p class="hint" id={`${id}-hint`}>
            Tick every right answer. The question scores only when all the right ones, and no others, are
            ticked.
          </p>
        ) : null}
        {question.options.map((option, o) => (
          <div class="checkbox">
            <input type={type} id={`${id}-${o}`} name={name} value={option.id} />
            <label for={`${id}-${o}`}>{option.text}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  return (
    <div class="field">
      <label for={id}>
        {heading}: {question.prompt}
      </label>
      {question.kind === "numeric" ? (
        <p class="hint" id={`${id}-hint`}>
          A number, such as 42 or 3.5.
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        inputmode={question.kind === "numeric" ? "decimal" : undefined}
        aria-describedby={question.kind === "numeric" ? `${id}-hint` : undefined}
        autocomplete="off"
        maxlength={500}
      />
    </div>
  );
}
