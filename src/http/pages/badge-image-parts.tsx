import { BADGE_SHAPES, TITLE_MAX } from "../../domain/badge-images/design.ts";
import { BADGE_ICONS } from "../../domain/badge-images/icons.ts";
import type { BadgeImageSummary } from "../../domain/badge-images/types.ts";
import { ErrorSummary, Field, Form, type FormErrors, SelectField } from "./forms.tsx";

export type DesignValues = Partial<Record<string, string | string[]>>;
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const DESIGN_FIELDS = ["shape", "primary", "secondary", "icon", "title"] as const;

type FormState = { slug: string; csrf: string; errors?: FormErrors; message?: string | undefined };

export function BadgeUpload(props: FormState) {
  const error = props.errors?.image;
  return (
    <>
      <h2>Upload an image</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <Form action={`/orgs/${props.slug}/images/upload`} csrf={props.csrf} enctype="multipart/form-data">
        <div class={error ? "field has-error" : "field"}>
          <label for="field-image">PNG or SVG image</label>
          <p class="hint" id="field-image-hint">
            At most 512 KiB; PNG images 64 to 2048 pixels a side. SVG images may not contain scripts, event
            handlers or links to other sites.
          </p>
          {error ? (
            <p class="field-error" id="field-image-error">
              {error}
            </p>
          ) : null}
          <input
            id="field-image"
            name="image"
            type="file"
            accept="image/png,image/svg+xml"
            aria-describedby={error ? "field-image-hint field-image-error" : "field-image-hint"}
          />
        </div>
        <button type="submit" class="secondary">
          Upload image
        </button>
      </Form>
    </>
  );
}

/** The template designer: "Preview" works by submitting; /assets/badge-designer.js updates the preview live. */
export function BadgeDesigner(props: FormState & { design: DesignValues }) {
  const d = props.design;
  const query = new URLSearchParams(DESIGN_FIELDS.map((f): [string, string] => [f, str(d[f])])).toString();
  return (
    <>
      <h2>Design a badge</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <div class="badge-designer">
        <img
          id="badge-preview"
          src={`/orgs/${props.slug}/images/preview.svg?${query}`}
          alt="Preview of the badge design"
          width="160"
          height="160"
          data-preview={`/orgs/${props.slug}/images/preview.svg`}
        />
        <Form action={`/orgs/${props.slug}/images/design`} csrf={props.csrf} class="badge-design-form">
          <SelectField
            name="shape"
            label="Shape"
            options={Object.entries(BADGE_SHAPES)}
            value={str(d.shape)}
            errors={props.errors}
          />
          <div class="field-row">
            <Field
              name="primary"
              label="Main colour"
              type="color"
              value={str(d.primary)}
              errors={props.errors}
            />
            <Field
              name="secondary"
              label="Accent colour"
              type="color"
              value={str(d.secondary)}
              errors={props.errors}
            />
          </div>
          <SelectField
            name="icon"
            label="Icon"
            options={Object.entries(BADGE_ICONS).map(([key, icon]) => [key, icon.label] as const)}
            value={str(d.icon)}
            errors={props.errors}
          />
          <Field
            name="title"
            label="Title on the badge"
            hint={`Up to ${TITLE_MAX} characters; short titles read best.`}
            value={str(d.title)}
            errors={props.errors}
            maxlength={TITLE_MAX}
          />
          <div class="actions">
            <button type="submit" name="intent" value="preview" class="secondary">
              Preview
            </button>
            <button type="submit" name="intent" value="save">
              Save design
            </button>
          </div>
        </Form>
      </div>
      <script src="/assets/badge-designer.js" defer />
    </>
  );
}

export function BadgeImageList({ images }: { images: BadgeImageSummary[] }) {
  return (
    <>
      <h2>Images</h2>
      {images.length === 0 ? (
        <p class="hint">No images yet. Upload one or design one above.</p>
      ) : (
        <ul class="cards" aria-label="Badge images">
          {images.map((image) => (
            <li class="card">
              <img src={`/images/${image.id}`} alt="" width="96" height="96" />
              <p>
                {image.design ? "Designed" : "Uploaded"} · {image.contentType === "image/png" ? "PNG" : "SVG"}{" "}
                · {image.width} × {image.height}
              </p>
              <p class="hint">
                Address: <a href={`/images/${image.id}`}>/images/{image.id}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
