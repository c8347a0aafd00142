import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { getBadgeImage, listBadgeImages, previewBadgeDesign } from "../../app/badge-images/badge-images.ts";
import { designBadgeImage } from "../../app/badge-images/design-badge-image.ts";
import { uploadBadgeImage } from "../../app/badge-images/upload-badge-image.ts";
import type { AppDeps, SvgRasterizer } from "../../app/ports.ts";
import { badgeDesignInput, DEFAULT_DESIGN } from "../../domain/badge-images/design.ts";
import { DomainError } from "../../domain/errors.ts";
import { type AppEnv, actorOf } from "../env.ts";
import { BadgeDesigner, BadgeImageList, BadgeUpload, type DesignValues } from "./badge-image-parts.tsx";
import type { FormErrors } from "./forms.tsx";
import {
  formFailure,
  type PageContext,
  parseForm,
  pathParam,
  readForm,
  redirectWith,
  render,
  signedIn,
} from "./kit.tsx";
import { OrganizationTabs } from "./organization-tabs.tsx";

/** Shown only as an image, never as a document: even a hostile SVG could run nothing. */
const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const imageId = z.uuid();

/**
 * Registered before the site-wide security headers so it runs after them: public badge images get the image CSP
 * and may be shown by other sites (verifiers, wallets, LinkedIn), which the site-wide CORP "same-site" forbids.
 */
export const badgeImageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  c.res.headers.set("content-security-policy", IMAGE_CSP);
  c.res.headers.set("cross-origin-resource-policy", "cross-origin");
};

export function badgeImagePages(deps: AppDeps, rasterizer: SvgRasterizer) {
  const pages = new Hono<AppEnv>();

  const imagesPage = async (
    c: PageContext,
    slug: string,
    state: { design?: DesignValues; errors?: FormErrors; message?: string; form?: "upload" | "design" } = {},
  ) => {
    const user = c.get("user");
    if (!user) throw new DomainError("unauthenticated", "Sign in first.");
    const { organization, membership, images } = await listBadgeImages(deps, actorOf(user), slug);
    const design = state.design ?? { ...DEFAULT_DESIGN, title: organization.name.slice(0, 20) };
    const csrf = c.get("csrfToken");
    return render(
      c,
      `Badge images · ${organization.name}`,
      <section>
        <OrganizationTabs organization={organization} memberRole={membership?.role} current="images" />
        <div class="narrow">
          <BadgeUpload slug={slug} csrf={csrf} {...(state.form === "upload" ? state : {})} />
          <BadgeDesigner
            slug={slug}
            csrf={csrf}
            design={design}
            {...(state.form === "design" ? state : {})}
          />
        </div>
        <BadgeImageList images={images} />
      </section>,
    );
  };

  pages.get(
    "/orgs/:slug/images",
    signedIn((c) => imagesPage(c, pathParam(c, "slug"))),
  );

  pages.get(
    "/orgs/:slug/images/preview.svg",
    signedIn(async (c, user) => {
      const design = parseForm(badgeDesignInput, c.req.query());
      const svg = await previewBadgeDesign(deps, actorOf(user), pathParam(c, "slug"), design);
      return c.body(svg, 200, {
        "content-type": "image/svg+xml",
        "cache-control": "private, max-age=60",
        "content-security-policy": IMAGE_CSP,
      });
    }),
  );

  pages.post(
    "/orgs/:slug/images/upload",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      await readForm(c);
      const file = (await c.req.parseBody()).image;
      try {
        const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
        await uploadBadgeImage(deps, actorOf(user), slug, bytes);
        return redirectWith(c, `/orgs/${slug}/images`, "The image is uploaded.");
      } catch (error) {
        return formFailure(c, error, (errors, message) =>
          imagesPage(c, slug, {
            form: "upload",
            ...(errors ? { errors } : {}),
            ...(message ? { message } : {}),
          }),
        );
      }
    }),
  );

  pages.post(
    "/orgs/:slug/images/design",
    signedIn(async (c, user) => {
      const slug = pathParam(c, "slug");
      const values = await readForm(c);
      const design: DesignValues = values;
      try {
        const parsed = parseForm(badgeDesignInput, values);
        if (values.intent === "preview") return imagesPage(c, slug, { form: "design", design: parsed });
        await designBadgeImage({ ...deps, rasterizer }, actorOf(user), slug, parsed);
        return redirectWith(c, `/orgs/${slug}/images`, "The badge is designed and saved as PNG and SVG.");
      } catch (error) {
        return formFailure(c, error, (errors, message) =>
          imagesPage(c, slug, {
            form: "design",
            design,
            ...(errors ? { errors } : {}),
            ...(message ? { message } : {}),
          }),
        );
      }
    }),
  );

  pages.get("/images/:id", async (c) => {
    const id = imageId.safeParse(c.req.param("id"));
    const image = id.success ? await getBadgeImage(deps, id.data) : undefined;
    if (!image) throw new DomainError("image_not_found", "No such image.");
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": image.contentType,
      // A new upload gets a new id, so an image never changes.
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": IMAGE_CSP,
      "cross-origin-resource-policy": "cross-origin",
    });
  });

  return pages;
}
