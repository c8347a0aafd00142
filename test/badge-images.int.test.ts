import { Resvg } from "@resvg/resvg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../src/domain/badge-images/png.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
async function owner(): Promise<{ client: BrowserClient; slug: string }> {
  const n = ++counter;
  const client = await signedUp(ctx.app, { email: `images-owner-${n}@example.org` });
  const slug = `images-org-${n}`;
  expect((await client.submit("/orgs", { name: `Images Org ${n}`, slug })).status).toBe(303);
  return { client, slug };
}

const pngOf = (width: number, height: number) =>
  new Uint8Array(
    new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="10" height="10"/></svg>`,
    )
      .render()
      .asPng(),
  );
const upload = (
  client: BrowserClient,
  slug: string,
  bytes: Uint8Array | string,
  name: string,
  type: string,
) => client.upload(`/orgs/${slug}/images/upload`, "image", new File([bytes], name, { type }));
const imageIds = async (client: BrowserClient, slug: string) =>
  [
    ...(await (await client.get(`/orgs/${slug}/images`)).text()).matchAll(
      /href="\/images\/([0-9a-f-]{36})"/g,
    ),
  ].map((m) => m[1]);
const SAFE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><circle cx="64" cy="64" r="60"/></svg>';

describe("badge images", () => {
  it("stores an uploaded PNG and serves it publicly with long caching and a restrictive CSP", async () => {
    const { client, slug } = await owner();
    const png = pngOf(256, 128);
    expect((await upload(client, slug, png, "badge.png", "image/png")).status).toBe(303);
    const [id] = await imageIds(client, slug);
    const served = await ctx.app.request(`/images/${id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(served.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    expect(await (await client.get(`/orgs/${slug}/images`)).text()).toContain("Uploaded · PNG · 256 × 128");
    expect((await ctx.app.request("/images/not-a-uuid")).status).toBe(404);
    expect((await ctx.app.request("/images/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("refuses PNGs outside 64–2048 px, files over 512 KiB and other formats", async () => {
    const { client, slug } = await owner();
    const small = await upload(client, slug, pngOf(32, 100), "tiny.png", "image/png");
    expect(small.status).toBe(422);
    expect(await small.text()).toContain("The image is 32 × 100 pixels");
    const big = new Uint8Array(600 * 1024);
    big.set(pngOf(100, 100));
    const tooLarge = await upload(client, slug, big, "big.png", "image/png");
    expect(tooLarge.status).toBe(422);
    expect(await tooLarge.text()).toContain("at most 512 KiB");
    const gif = await upload(client, slug, "GIF89a....", "x.png", "image/png");
    expect(await gif.text()).toContain("Upload the image as PNG or SVG.");
    expect(await imageIds(client, slug)).toEqual([]);
  });

  it("accepts a clean SVG and refuses one with a script, with a readable message", async () => {
    const { client, slug } = await owner();
    expect((await upload(client, slug, SAFE_SVG, "badge.svg", "image/svg+xml")).status).toBe(303);
    const [id] = await imageIds(client, slug);
    const served = await ctx.app.request(`/images/${id}`);
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    expect(await served.text()).toBe(SAFE_SVG);
    const evil = SAFE_SVG.replace("</svg>", "<script>alert(document.cookie)</script></svg>");
    const refused = await upload(client, slug, evil, "evil.svg", "image/svg+xml");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("The SVG was refused: it contains a &lt;script&gt; element");
    const handler = await upload(
      client,
      slug,
      SAFE_SVG.replace("<circle", '<circle onload="x()"'),
      "h.svg",
      "image/svg+xml",
    );
    expect(await handler.text()).toContain("onload event-handler attribute");
    expect(await imageIds(client, slug)).toHaveLength(1);
  });

  it("designs a badge from the template: a live SVG preview, then SVG and PNG stored", async () => {
    const { client, slug } = await owner();
    const fields = {
      shape: "shield",
      primary: "#224466",
      secondary: "#ffcc00",
      icon: "leaf",
      title: "Green <Skills>",
    };
    const preview = await client.get(`/orgs/${slug}/images/preview.svg?${new URLSearchParams(fields)}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/svg+xml");
    const previewSvg = await preview.text();
    expect(previewSvg).toContain("Green &lt;Skills&gt;");
    expect(previewSvg).toContain('fill="#224466"');
    const noJs = await client.submit(`/orgs/${slug}/images/design`, { ...fields, intent: "preview" });
    expect(noJs.status).toBe(200);
    expect(await noJs.text()).toContain("preview.svg?shape=shield&amp;primary=%23224466");
    expect((await client.submit(`/orgs/${slug}/images/design`, { ...fields, intent: "save" })).status).toBe(
      303,
    );
    const ids = await imageIds(client, slug);
    expect(ids).toHaveLength(2);
    const types = new Map<string, Uint8Array>();
    for (const id of ids) {
      const r = await ctx.app.request(`/images/${id}`);
      types.set(r.headers.get("content-type") ?? "", new Uint8Array(await r.arrayBuffer()));
    }
    expect(pngSize(types.get("image/png") ?? new Uint8Array())).toEqual({ width: 512, height: 512 });
    expect(new TextDecoder().decode(types.get("image/svg+xml"))).toBe(previewSvg);
    const bad = await client.submit(`/orgs/${slug}/images/design`, {
      ...fields,
      primary: "red",
      intent: "save",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Choose the main colour as #rrggbb.");
  });

  it("hides one organization's images pages from another, and refuses learners", async () => {
    const a = await owner();
    const b = await owner();
    expect((await a.client.get(`/orgs/${b.slug}/images`)).status).toBe(404);
    expect(
      (
        await a.client.get(
          `/orgs/${b.slug}/images/preview.svg?shape=circle&primary=%23000000&secondary=%23ffffff&icon=star`,
        )
      ).status,
    ).toBe(404);
    expect((await upload(a.client, b.slug, SAFE_SVG, "x.svg", "image/svg+xml")).status).toBe(404);
    const design = {
      shape: "circle",
      primary: "#000000",
      secondary: "#ffffff",
      icon: "star",
      intent: "save",
    };
    expect((await a.client.submit(`/orgs/${b.slug}/images/design`, design)).status).toBe(404);
    expect(await imageIds(b.client, b.slug)).toEqual([]);
  });
});
