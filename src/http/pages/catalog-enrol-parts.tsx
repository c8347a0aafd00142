import type { CatalogPath } from "../../app/catalog/catalog-paths.ts";
import { CsrfField } from "./forms.tsx";

const formId = (id: string) => `enrol-${id}`;

/**
 * A card's way onto the micro-credential's learning path: Enrol (or ask to), Continue learning, or sign in first.
 * The Enrol button submits a form outside the card's comparison form (forms cannot nest).
 */
export function EnrolAction(props: {
  path: CatalogPath | undefined;
  achievementId: string;
  name: string;
  signedIn: boolean;
}) {
  const { path, achievementId: id, name } = props;
  if (!path) return null;
  const hidden = <span class="visually-hidden"> {name}</span>;
  if (path.status === "active" || path.status === "completed") {
    return (
      <p class="catalog-enrol">
        <a href={`/learn/${id}`}>
          {path.status === "completed" ? "Completed: see the path" : "Continue learning"}
          {hidden}
        </a>
      </p>
    );
  }
  if (path.status === "pending") return <p class="catalog-enrol hint">Enrolment requested{hidden}</p>;
  if (path.status === "declined") return <p class="catalog-enrol hint">Enrolment declined{hidden}</p>;
  if (path.mode === "invitation") {
    return <p class="catalog-enrol hint">Learning path by invitation of the provider{hidden}</p>;
  }
  if (!props.signedIn) {
    return (
      <p class="catalog-enrol">
        <a href={`/signin?next=${encodeURIComponent(`/learn/${id}`)}`}>Sign in to enrol{hidden}</a>
      </p>
    );
  }
  return (
    <p class="catalog-enrol">
      <button type="submit" form={formId(id)} class="small">
        {path.mode === "approval" ? "Ask to enrol" : "Enrol"}
        {hidden}
      </button>
    </p>
  );
}

/** The POST forms the cards' Enrol buttons submit. */
export function EnrolForms(props: { paths: Record<string, CatalogPath>; csrf: string }) {
  return (
    <>
      {Object.entries(props.paths).flatMap(([id, path]) =>
        path.status || path.mode === "invitation"
          ? []
          : [
              <form id={formId(id)} method="post" action={`/learn/${id}/enrol`} class="save-form">
                <CsrfField token={props.csrf} />
              </form>,
            ],
      )}
    </>
  );
}
