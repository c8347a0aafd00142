import { describe, expect, it } from "vitest";
import { videoEmbed } from "./video.ts";

describe("videoEmbed", () => {
  it("plays YouTube addresses of every usual shape in the no-cookie player", () => {
    const embed = {
      kind: "frame",
      provider: "YouTube",
      src: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    };
    for (const address of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
      "https://youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ]) {
      expect(videoEmbed(address), address).toEqual(embed);
    }
  });

  it("plays Vimeo addresses in the player with do-not-track", () => {
    const embed = { kind: "frame", provider: "Vimeo", src: "https://player.vimeo.com/video/76979871?dnt=1" };
    expect(videoEmbed("https://vimeo.com/76979871")).toEqual(embed);
    expect(videoEmbed("https://player.vimeo.com/video/76979871")).toEqual(embed);
    expect(videoEmbed("https://vimeo.com/channels/staffpicks/76979871")).toEqual(embed);
  });

  it("plays direct https .mp4 and .webm files in the browser's player", () => {
    expect(videoEmbed("https://media.example.org/intro.MP4")).toEqual({
      kind: "file",
      type: "video/mp4",
      src: "https://media.example.org/intro.MP4",
    });
    expect(videoEmbed("https://media.example.org/a/b.webm?x=1")?.kind).toBe("file");
  });

  it("refuses anything else: plain http, other hosts, malformed ids, scripts", () => {
    for (const address of [
      "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "http://media.example.org/intro.mp4",
      "https://www.youtube.com/watch?v=short",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E",
      "https://vimeo.com/about",
      "https://example.org/page.html",
      "https://user:pw@media.example.org/intro.mp4",
      "javascript:alert(1)//.mp4",
      "not a url",
    ]) {
      expect(videoEmbed(address), address).toBeUndefined();
    }
  });
});
