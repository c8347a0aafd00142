import type { CourseOffer } from "../../app/earning/course-offer.ts";
import { Form } from "./forms.tsx";
import { plural } from "./kit.tsx";

/** On a micro-credential's public page: its course, with "Enrol" or "Continue learning". */
export function CourseOfferBox(props: {
  offer: CourseOffer;
  achievementId: string;
  csrf: string;
  signedIn: boolean;
}) {
  const { offer, achievementId: id } = props;
  const course = `/learn/${id}`;
  const modules = plural(offer.modules, "module");
  return (
    <div class="course-offer">
      <h2>Learn it online</h2>
      <p>
        A course of {modules} leads to this micro-credential; it is awarded automatically once you meet its
        criteria.
        {offer.mode === "approval" ? " The issuer approves each enrolment." : ""}
        {offer.mode === "invitation" ? " Enrolment is by invitation from the issuer." : ""}
      </p>
      {offer.status === "active" || offer.status === "completed" ? (
        <a class="button" href={course}>
          Continue learning
        </a>
      ) : offer.status === "pending" ? (
        <p>
          Your request to enrol is waiting for approval. <a href={course}>See the course</a>
        </p>
      ) : offer.status === "declined" ? (
        <p>Your request to enrol was declined.</p>
      ) : offer.mode === "invitation" ? null : !props.signedIn ? (
        <a class="button" href={`/signin?next=${encodeURIComponent(course)}`}>
          Sign in to enrol
        </a>
      ) : (
        <Form action={`${course}/enrol`} csrf={props.csrf}>
          <button type="submit">{offer.mode === "open" ? "Enrol" : "Ask to enrol"}</button>
        </Form>
      )}
    </div>
  );
}
