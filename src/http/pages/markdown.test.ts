import { describe, expect, it } from "vitest";
import { COURSE_CONTENT_CSP, renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders headings (one level down), lists, links, https images and code", () => {
    const html = renderMarkdown(
      [
        "# Knots",
        "",
        "- bowline",
        "- clove hitch",
        "",
        "See [the guide](https://example.org/guide) or [mail us](mailto:crew@example.org).",
        "",
        "![A bowline](https://img.example.org/bowline.png)",
        "",
        "```js",
        "tie('bowline') < 2",
        "```",
      ].join("\n"),
    );
    expect(html).toContain("<h2>Knots</h2>");
    expect(html).toContain("<li>bowline</li>");
    expect(html).toContain(
      '<a href="https://example.org/guide" rel="nofollow noopener noreferrer">the guide</a>',
    );
    expect(html).toContain('href="mailto:crew@example.org"');
    expect(html).toContain('<img src="https://img.example.org/bowline.png" alt="A bowline"');
    expect(html).toContain(`<pre tabindex="0"><code class="language-js">tie('bowline') &lt; 2`);
  });

  it("shows raw HTML as text: script tags and event handlers never become elements", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\nText <b onclick="x()">bold</b>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b /i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=&quot;x&quot; onerror=&quot;alert(2)&quot;&gt;");
  });

  it("neutralizes javascript:, data: and vbscript: links and images", () => {
    const html = renderMarkdown(
      [
        "[click](javascript:alert(1))",
        "[click2](JAVASCRIPT:alert(1))",
        "[enc](&#x6A;avascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "[vb](vbscript:msgbox)",
        "![pic](javascript:alert(1))",
        "<javascript:alert(1)>",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/href="(javascript|data|vbscript)/i);
    expect(html).not.toMatch(/src="/i);
    expect(html).not.toMatch(/<a /);
  });

  it("loads images only from https addresses; others stay as their description", () => {
    const html = renderMarkdown(
      '![tracker](http://img.example.org/t.png) and ![x"onerror="y](https://a.example/i.png)',
    );
    expect(html).toContain("tracker");
    expect(html).not.toContain("http://img.example.org");
    expect(html).not.toMatch(/" ?onerror=/);
    expect(html).toContain('alt="x&quot;onerror=&quot;y"');
  });

  it("allows exactly the video hosts and https media in the page's policy", () => {
    expect(COURSE_CONTENT_CSP).toContain(
      "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
    );
    expect(COURSE_CONTENT_CSP).toContain("img-src 'self' data: https:");
    expect(COURSE_CONTENT_CSP).toContain("media-src https:");
    expect(COURSE_CONTENT_CSP).toContain("script-src 'self';");
  });
});
