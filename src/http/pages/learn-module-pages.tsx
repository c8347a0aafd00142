import { Hono } from "hono";
import { completeModule } from "../../app/earning/complete-module.ts";
import { viewModule } from "../../app/earning/view-module.ts";
import { videoEmbed } from "../../domain/earning/video.ts";
import type { AppEnv, HttpDeps } from "../env.ts";
import { Form } from "./forms.tsx";
import { pathParam, readForm, redirectWith, render, signedIn } from "./kit.tsx";
import { assessmentHref } from "./learn-pages.tsx";
import { COURSE_CONTENT_CSP, renderMarkdown } from "./markdown.ts";

function Video(props: { url: string; title: string }) {
  const embed = videoEmbed(props.url);
  if (!embed) return null;
  if (embed.kind === "frame") {
    return (
      <div class="video">
        <iframe
          src={embed.src}
          title={`${embed.provider} video: ${props.title}`}
          loading="lazy"
          referrerpolicy="strict-origin-when-cross-origin"
          allow="fullscreen; picture-in-picture"
          allowfullscreen
        />
      </div>
    );
  }
  return (
    <div class="video">
      {/* biome-ignore lint/a11y/useMediaCaption: an issuer links a bare video file; its captions, when any, are burnt in or in the module text */}
      <video controls preload="metadata" aria-label={`Video: ${props.title}`}>
        <source src={embed.src} type={embed.type} />
        <a href={embed.src}>Download the video</a>
      </video>
    </div>
  );
}

/** `/learn/:achievementId/modules/:moduleId`: a module's content for an enrolled learner, and "mark complete". */
export function learnModulePages(deps: HttpDeps) {
  const pages = new Hono<AppEnv>();
  pages.get(
    "/learn/:achievementId/modules/:moduleId",
    signedIn(async (c, user) => {
      const id = pathParam(c, "achievementId");
      const view = await viewModule(deps, user.id, id, pathParam(c, "moduleId"));
      const { module } = view;
      // Course content may show https images and the two video players; the rest of the site-wide policy stays.
      c.header("content-security-policy", COURSE_CONTENT_CSP);
      return render(
        c,
        `${module.title} · ${view.name}`,
        <article class="narrow">
          <p class="hint">
            Module {view.position} of {view.count} in <a href={`/learn/${id}`}>{view.name}</a>
          </p>
          <h1>{module.title}</h1>
          {module.videoUrl ? <Video url={module.videoUrl} title={module.title} /> : null}
          <div class="module-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(module.body) }} />
          {module.assessments.length ? (
            <>
              <h2>Assessments</h2>
              <ul>
                {module.assessments.map((a) => (
                  <li>
                    {a.kind === "quiz" ? "Quiz" : "Project"}: <a href={assessmentHref(id, a)}>{a.title}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {view.done ? (
            <p>
              <span class="tag ok">Done</span> You completed this module.
            </p>
          ) : view.enrolment.status === "active" ? (
            <Form action={`/learn/${id}/modules/${module.id}/complete`} csrf={c.get("csrfToken")}>
              <button type="submit">Mark this module complete</button>
            </Form>
          ) : null}
          <p>
            {view.next ? (
              <a href={`/learn/${id}/modules/${view.next.id}`}>Next module: {view.next.title}</a>
            ) : (
              <a href={`/learn/${id}`}>Back to the course</a>
            )}
          </p>
        </article>,
      );
    }),
  );
  pages.post(
    "/learn/:achievementId/modules/:moduleId/complete",
    signedIn(async (c, user) => {
      const id = pathParam(c, "achievementId");
      await readForm(c);
      const result = await completeModule(deps, user.id, id, pathParam(c, "moduleId"));
      return redirectWith(
        c,
        result.awardId ? `/learn/${id}` : `/learn/${id}/modules/${pathParam(c, "moduleId")}`,
        result.awardId
          ? "You met everything this course asks for: the credential is awarded and on its way to your wallet."
          : result.recorded
            ? `“${result.title}” is complete.`
            : `You had already completed “${result.title}”.`,
      );
    }),
  );
  return pages;
}
