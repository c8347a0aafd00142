import {
  ACHIEVEMENT_TYPES,
  ASSESSMENT_TYPES,
  type Definition,
  IDENTITY_VERIFICATION,
  INDUSTRIES,
  PACING,
  PARTICIPATION_FORMS,
  SUPERVISION,
} from "../../domain/achievements/definition.ts";
import { Field, Form, type FormErrors, fieldText, SelectField } from "./forms.tsx";

export type FormValues = Record<string, string | string[] | undefined>;
const ALIGNMENT_ROWS = 5;
const label = (value: string) => value.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
const options = (values: readonly string[], blank?: string) => [
  ...(blank ? [["", blank] as const] : []),
  ...values.map((v) => [v, label(v)] as const),
];
const lines = (value: unknown) =>
  String(value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The posted form as the definition schema's input: lists from lines and commas, skill rows from numbered fields. */
export function definitionFromForm(values: FormValues): Record<string, unknown> {
  const alignments = Array.from({ length: ALIGNMENT_ROWS }, (_, i) => ({
    targetName: fieldText(values, `skill${i}Name`),
    targetCode: fieldText(values, `skill${i}Code`),
    targetFramework: fieldText(values, `skill${i}Framework`),
    targetUrl: fieldText(values, `skill${i}Url`),
  })).filter((row) => row.targetName || row.targetUrl);
  return {
    ...values,
    tags: fieldText(values, "tags")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    related: lines(values.related),
    learningOutcomes: lines(values.learningOutcomes),
    startDates: fieldText(values, "startDates")
      .split(/[\s,]+/)
      .filter(Boolean),
    alignments,
  };
}

/** Values to show in the form for a stored definition. */
export function formFromDefinition(d: Definition): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(d))
    if (typeof value === "string" || typeof value === "number") values[key] = String(value);
  values.tags = d.tags.join(", ");
  values.related = d.related.join("\n");
  values.learningOutcomes = d.learningOutcomes.join("\n");
  values.startDates = d.startDates.join(", ");
  d.alignments.forEach((a, i) => {
    values[`skill${i}Name`] = a.targetName;
    values[`skill${i}Code`] = a.targetCode ?? "";
    values[`skill${i}Framework`] = a.targetFramework ?? "";
    values[`skill${i}Url`] = a.targetUrl;
  });
  return values;
}

export function AchievementForm(props: {
  action: string;
  csrf: string;
  values: FormValues;
  errors: FormErrors;
  submit: string;
}) {
  const { values: v, errors } = props;
  const f = (name: string) => fieldText(v, name);
  return (
    <Form action={props.action} csrf={props.csrf}>
      <fieldset>
        <legend>The micro-credential</legend>
        <Field name="name" label="Title" value={f("name")} errors={errors} required maxlength={200} />
        <Field
          name="description"
          label="Description"
          type="textarea"
          value={f("description")}
          errors={errors}
          maxlength={4000}
        />
        <Field
          name="criteria"
          label="Criteria: what a learner must do to earn it"
          type="textarea"
          value={f("criteria")}
          errors={errors}
          maxlength={4000}
        />
        <SelectField
          name="achievementType"
          label="Type"
          options={options(ACHIEVEMENT_TYPES)}
          value={f("achievementType") || "MicroCredential"}
          errors={errors}
        />
        <Field
          name="learningOutcomes"
          label="Learning outcomes"
          hint="One per line: what the learner knows or can do."
          type="textarea"
          value={f("learningOutcomes")}
          errors={errors}
        />
        <div class="field-row">
          <Field
            name="workloadHours"
            label="Notional workload (hours)"
            type="number"
            value={f("workloadHours")}
            errors={errors}
          />
          <Field name="ects" label="ECTS credits" type="number" value={f("ects")} errors={errors} />
          <Field
            name="eqfLevel"
            label="EQF level (1–8), if applicable"
            type="number"
            value={f("eqfLevel")}
            errors={errors}
          />
        </div>
        <div class="field-row">
          <SelectField
            name="assessmentType"
            label="Type of assessment"
            options={options(ASSESSMENT_TYPES, "Choose…")}
            value={f("assessmentType")}
            errors={errors}
          />
          <SelectField
            name="participationForm"
            label="Form of participation"
            options={options(PARTICIPATION_FORMS, "Choose…")}
            value={f("participationForm")}
            errors={errors}
          />
        </div>
        <Field
          name="qualityAssurance"
          label="Quality assurance"
          hint="Who assures the quality, and how (e.g. internal review, accreditation body)."
          type="textarea"
          value={f("qualityAssurance")}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>The offer</legend>
        <p class="hint">
          What learners weigh in the public catalog. Delivery (online, onsite, blended) is the form of
          participation above; level, credits and language are the EU elements.
        </p>
        <div class="field-row">
          <Field
            name="durationWeeks"
            label="Duration (weeks)"
            type="number"
            value={f("durationWeeks")}
            errors={errors}
          />
          <Field
            name="hoursPerWeek"
            label="Expected hours per week"
            type="number"
            value={f("hoursPerWeek")}
            errors={errors}
          />
        </div>
        <div class="field-row">
          <Field
            name="cost"
            label="Cost"
            hint="0 for free; leave empty if not stated."
            type="number"
            value={f("cost")}
            errors={errors}
          />
          <Field
            name="currency"
            label="Currency"
            hint="A code such as EUR."
            value={f("currency")}
            errors={errors}
            maxlength={3}
          />
        </div>
        <div class="field-row">
          <SelectField
            name="pacing"
            label="Pace"
            options={options(PACING, "Not stated")}
            value={f("pacing")}
            errors={errors}
          />
          <Field
            name="startDates"
            label="Cohort start dates"
            hint="YYYY-MM-DD, separated by commas."
            value={f("startDates")}
            errors={errors}
          />
          <SelectField
            name="industry"
            label="Industry or sector"
            options={options(INDUSTRIES, "Not stated")}
            value={f("industry")}
            errors={errors}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Optional elements</legend>
        <Field
          name="prerequisites"
          label="Prerequisites"
          type="textarea"
          value={f("prerequisites")}
          errors={errors}
        />
        <div class="field-row">
          <SelectField
            name="supervision"
            label="Supervision during assessment"
            options={options(SUPERVISION, "Not stated")}
            value={f("supervision")}
            errors={errors}
          />
          <SelectField
            name="identityVerification"
            label="Identity verification during assessment"
            options={options(IDENTITY_VERIFICATION, "Not stated")}
            value={f("identityVerification")}
            errors={errors}
          />
        </div>
        <Field
          name="stackability"
          label="Integration and stackability"
          hint="What it counts towards."
          type="textarea"
          value={f("stackability")}
          errors={errors}
        />
        <div class="field-row">
          <Field name="humanCode" label="Course code" value={f("humanCode")} errors={errors} maxlength={40} />
          <Field name="fieldOfStudy" label="Field of study" value={f("fieldOfStudy")} errors={errors} />
          <Field
            name="inLanguage"
            label="Language"
            hint="A tag such as en or nl."
            value={f("inLanguage")}
            errors={errors}
          />
        </div>
        <Field name="tags" label="Tags" hint="Separated by commas." value={f("tags")} errors={errors} />
        <Field
          name="imageId"
          label="Badge image id"
          hint="From the organization's images; leave empty for none."
          value={f("imageId")}
          errors={errors}
        />
        <Field
          name="imageAlt"
          label="Image alt text"
          hint="Defaults to the title and description."
          value={f("imageAlt")}
          errors={errors}
        />
        <Field
          name="related"
          label="Related achievements"
          hint="Their addresses, one per line."
          type="textarea"
          value={f("related")}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>Awarding rules</legend>
        <SelectField
          name="statusPurpose"
          label="Status of awarded credentials"
          options={[
            ["revocation", "Revocable: a revocation is final"],
            [
              "suspension",
              "Suspendable: can be suspended and reinstated (a revocation is a permanent suspension)",
            ],
          ]}
          value={f("statusPurpose") || "revocation"}
          errors={errors}
        />
        <Field
          name="validityMonths"
          label="Valid for (months)"
          hint="Leave empty for credentials that do not expire."
          type="number"
          value={f("validityMonths")}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>Skills</legend>
        <p class="hint">The skills it certifies (OB 3.0 alignments), for example from ESCO or O*NET.</p>
        {Array.from({ length: ALIGNMENT_ROWS }, (_, i) => (
          <div class="field-row">
            <Field
              name={`skill${i}Name`}
              label={`Skill ${i + 1} name`}
              value={f(`skill${i}Name`)}
              errors={errors}
            />
            <Field name={`skill${i}Code`} label="Code" value={f(`skill${i}Code`)} errors={errors} />
            <Field
              name={`skill${i}Framework`}
              label="Framework"
              value={f(`skill${i}Framework`)}
              errors={errors}
            />
            <Field
              name={`skill${i}Url`}
              label="Web address"
              type="url"
              value={f(`skill${i}Url`)}
              errors={errors}
            />
          </div>
        ))}
      </fieldset>
      <button type="submit">{props.submit}</button>
    </Form>
  );
}
