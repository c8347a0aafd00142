import MarkdownIt, { type RendererRule } from "markdown-it";
import { EMBED_HOSTS } from "../../domain/earning/video.ts";

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^https:\/\//i;

/**
 * Markdown for course content, rendered safely: raw HTML is shown as text, links go only to http(s) and mailto
 * addresses, images only load from https addresses, code is escaped. Headings shift down one level so a module's
 * own "# Title" sits under the page's heading.
 */
function markdown() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Applies to links and images alike; anything else (javascript:, data:, vbscript:, relative paths) stays text.
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.core.ruler.push("cairn_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      }
    }
  });
  const renderToken: RendererRule = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  const linkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet("rel", "nofollow noopener noreferrer");
    return linkOpen(tokens, idx, options, env, self);
  };
  const image = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token || !SAFE_IMAGE.test(String(token.attrGet("src") ?? ""))) {
      // An image from a plain-http or odd address is not loaded: its description stays readable.
      return md.utils.escapeHtml(token ? self.renderInlineAsText(token.children ?? [], options, env) : "");
    }
    token.attrSet("loading", "lazy");
    token.attrSet("referrerpolicy", "no-referrer");
    return image(tokens, idx, options, env, self);
  };
  // Long code lines scroll inside their block; keyboard users can reach the scroll area.
  for (const rule of ["fence", "code_block"] as const) {
    const original = md.renderer.rules[rule] ?? renderToken;
    md.renderer.rules[rule] = (tokens, idx, options, env, self) =>
      original(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
  }
  return md;
}

let renderer: ReturnType<typeof markdown> | undefined;

/** The HTML of a module's Markdown body; safe to insert into a page. One parser serves every render: it keeps no state. */
export function renderMarkdown(source: string): string {
  renderer ??= markdown();
  return renderer.render(source);
}

/**
 * The Content-Security-Policy of a page showing course content: the site-wide policy, plus images from https
 * addresses, videos from https files, and frames from the two video players only.
 */
export const COURSE_CONTENT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "media-src https:",
  `frame-src ${EMBED_HOSTS.join(" ")}`,
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");
