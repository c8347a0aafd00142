import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../middleware/session.ts";

export type FormErrors = Record<string, string> | undefined;
export type FormValues = Partial<Record<string, string | string[] | null>>;

/** A posted or stored form value as the text to show in a field ("" when absent or repeated). */
export const fieldText = (values: FormValues, key: string): string => {
  const value = values[key];
  return typeof value === "string" ? value : "";
};

export const CsrfField = ({ token }: { token: string }) => (
  <input type="hidden" name={CSRF_FIELD} value={token} />
);

/** A summary at the top of a form, linking to each field with a problem (WCAG 3.3.1). */
export function ErrorSummary({ errors, message }: { errors: FormErrors; message?: string | undefined }) {
  if (!errors && !message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>There is a problem</h2>
      {message ? <p>{message}</p> : null}
      {errors ? (
        <ul>
          {Object.entries(errors).map(([field, text]) => (
            <li>
              <a href={`#field-${field}`}>{text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  value?: string | null | undefined;
  errors: FormErrors;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
};

export function Field({
  name,
  label,
  type = "text",
  value,
  errors,
  hint,
  required,
  autocomplete,
  maxlength,
}: FieldProps) {
  const id = `field-${name}`;
  const error = errors?.[name];
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {type === "textarea" ? (
        <textarea
          id={id}
          name={name}
          rows={5}
          aria-describedby={describedBy}
          aria-invalid={error ? "true" : undefined}
          maxlength={maxlength}
        >
          {value ?? ""}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          value={type === "password" ? undefined : (value ?? undefined)}
          required={required}
          autocomplete={autocomplete}
          maxlength={maxlength}
          aria-describedby={describedBy}
          aria-invalid={error ? "true" : undefined}
        />
      )}
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value?: string | undefined;
  errors: FormErrors;
}) {
  const id = `field-${props.name}`;
  const error = props.errors?.[props.name];
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{props.label}</label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select id={id} name={props.name} aria-describedby={error ? `${id}-error` : undefined}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const Form = (props: {
  action: string;
  csrf: string;
  children: Child;
  enctype?: "multipart/form-data";
  class?: string;
}) => (
  <form method="post" action={props.action} enctype={props.enctype} class={props.class} novalidate>
    <CsrfField token={props.csrf} />
    {props.children}
  </form>
);
