import type { MailMessage } from "../../domain/types.ts";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function message(
  to: string,
  subject: string,
  lines: string[],
  link: { url: string; label: string },
): MailMessage {
  const text = [...lines, "", `${link.label}: ${link.url}`, "", "— Cairn"].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p>— Cairn</p>`,
  ].join("\n");
  return { to, subject, text, html };
}

export const verifyEmailMessage = (to: string, name: string, url: string) =>
  message(
    to,
    "Confirm your email address for Cairn",
    [`Hello ${name},`, "Please confirm your email address. The link works once and expires in 48 hours."],
    { url, label: "Confirm my email address" },
  );

export const passwordResetMessage = (to: string, url: string) =>
  message(
    to,
    "Reset your Cairn password",
    [
      "Someone asked to reset the password of the Cairn account for this address.",
      "If it was you, choose a new password with the link below. It works once and expires in one hour.",
      "If it was not you, ignore this message: your password stays as it is.",
    ],
    { url, label: "Choose a new password" },
  );

export const invitationMessage = (
  to: string,
  organization: string,
  inviter: string,
  role: string,
  url: string,
) =>
  message(
    to,
    `${inviter} invited you to join ${organization} on Cairn`,
    [
      `${inviter} invited you to join ${organization} on Cairn as ${role}.`,
      "Open the link to accept. It expires in 14 days.",
    ],
    { url, label: `Join ${organization}` },
  );
