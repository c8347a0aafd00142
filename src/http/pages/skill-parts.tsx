import type { SkillHit } from "../../domain/skills/types.ts";
import type { FormErrors } from "./forms.tsx";

/**
 * A plain GET search form; /assets/skill-search.js adds suggestions as you type through the datalist.
 * Without JavaScript, submitting lists the matches below.
 */
export function SkillSearch(props: { slug: string; q: string; hits: SkillHit[] | undefined }) {
  return (
    <>
      <form method="get" action={`/orgs/${props.slug}/skills`} class="inline">
        <div class="field">
          <label for="field-q">Skill name or code</label>
          <input
            id="field-q"
            name="q"
            type="search"
            value={props.q}
            maxlength={100}
            list="skill-suggestions"
            autocomplete="off"
            data-suggest={`/orgs/${props.slug}/skills/search`}
          />
          <datalist id="skill-suggestions" />
        </div>
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <script src="/assets/skill-search.js" defer />
      {props.hits === undefined ? null : props.hits.length === 0 ? (
        <p>No skill matches “{props.q}”.</p>
      ) : (
        <ul class="plain" aria-label="Matching skills">
          {props.hits.map((s) => (
            <li>
              <strong>{s.name}</strong> <span class="tag">{s.frameworkName}</span>{" "}
              <span class="mono">{s.code}</span>
              {s.description ? <p class="hint">{s.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The import's problems: the file itself, then each row by line number. */
export function SkillImportErrors({ errors, message }: { errors: FormErrors; message?: string | undefined }) {
  if (!errors && !message) return null;
  const rows = Object.entries(errors ?? {}).filter(([key]) => key.startsWith("line "));
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>There is a problem</h2>
      {message ? <p>{message}</p> : null}
      {errors?.file ? (
        <p>
          <a href="#field-file">{errors.file}</a>
        </p>
      ) : null}
      {errors?.name ? (
        <p>
          <a href="#field-name">{errors.name}</a>
        </p>
      ) : null}
      {rows.length ? (
        <ul>
          {rows.map(([line, text]) => (
            <li>
              {line[0]?.toUpperCase()}
              {line.slice(1)}: {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
