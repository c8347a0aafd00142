/**
 * How a module's video is shown. YouTube and Vimeo play in their privacy-friendly embeds (youtube-nocookie.com,
 * Vimeo with "do not track"); a direct https address of an .mp4 or .webm file plays in the browser's own player.
 * Anything else is not a video Cairn shows.
 */
export type VideoEmbed =
  | { kind: "frame"; src: string; provider: "YouTube" | "Vimeo" }
  | { kind: "file"; src: string; type: "video/mp4" | "video/webm" };

export const EMBED_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"] as const;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const YOUTUBE_HOSTS = new Set([
  "youtube.com",
  "www.youtube.com",
  "m.youtube.com",
  "youtube-nocookie.com",
  "www.youtube-nocookie.com",
]);

function youtubeId(url: URL): string | undefined {
  if (url.hostname === "youtu.be") return url.pathname.split("/")[1];
  if (!YOUTUBE_HOSTS.has(url.hostname)) return undefined;
  if (url.pathname === "/watch") return url.searchParams.get("v") ?? undefined;
  const [, kind, id] = url.pathname.split("/");
  return kind === "embed" || kind === "shorts" || kind === "live" ? id : undefined;
}

function vimeoId(url: URL): string | undefined {
  const parts = url.pathname.split("/").filter(Boolean);
  if (url.hostname === "player.vimeo.com") return parts[0] === "video" ? parts[1] : undefined;
  if (url.hostname !== "vimeo.com" && url.hostname !== "www.vimeo.com") return undefined;
  return parts.find((part) => VIMEO_ID.test(part));
}

/** The embed for a video address, or undefined when it is not one Cairn can show. Only https addresses. */
export function videoEmbed(address: string): VideoEmbed | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.username || url.password) return undefined;
  const youtube = youtubeId(url);
  if (youtube !== undefined) {
    return YOUTUBE_ID.test(youtube)
      ? { kind: "frame", provider: "YouTube", src: `https://www.youtube-nocookie.com/embed/${youtube}` }
      : undefined;
  }
  const vimeo = vimeoId(url);
  if (vimeo !== undefined) {
    return VIMEO_ID.test(vimeo)
      ? { kind: "frame", provider: "Vimeo", src: `https://player.vimeo.com/video/${vimeo}?dnt=1` }
      : undefined;
  }
  const extension = /\.(mp4|webm)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension === "mp4") return { kind: "file", type: "video/mp4", src: url.href };
  if (extension === "webm") return { kind: "file", type: "video/webm", src: url.href };
  return undefined;
}

export const VIDEO_HINT =
  "Give a YouTube or Vimeo address, or a direct https address of an .mp4 or .webm file.";
