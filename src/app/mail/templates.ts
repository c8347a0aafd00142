import type { MailMessage } from "../../domain/types.ts";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function message(
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

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export const awardMessage = (
  to: string,
  name: string | undefined,
  achievement: string,
  issuer: string,
  url: string,
  expires: Date,
) =>
  message(
    to,
    `${issuer} awarded you ${achievement}`,
    [
      `${name ? `Hello ${name},` : "Hello,"}`,
      `${issuer} awarded you the micro-credential "${achievement}". It is a signed Open Badges 3.0 credential that anyone can verify.`,
      `Claim it to keep it in your Cairn wallet or download it. The link is yours alone and works until ${dateOnly.format(expires)}.`,
    ],
    { url, label: `Claim ${achievement}` },
  );

export const expiryReminderMessage = (
  to: string,
  name: string | null,
  achievement: string,
  issuer: string,
  validUntil: Date,
  url: string,
) =>
  message(
    to,
    `Your ${achievement} credential expires on ${dateOnly.format(validUntil)}`,
    [
      `${name ? `Hello ${name},` : "Hello,"}`,
      `The micro-credential "${achievement}" that ${issuer} awarded you is valid until ${dateOnly.format(validUntil)}.`,
      `To keep it current, ask ${issuer} about renewing it before then.`,
    ],
    { url, label: `About ${achievement}` },
  );

export const confirmAddressMessage = (to: string, name: string, url: string) =>
  message(
    to,
    "Confirm this address for your Cairn wallet",
    [
      `Hello ${name},`,
      "You asked to add this address to your Cairn account. Once you confirm it, credentials awarded to it go into your wallet.",
      "The link works once and expires in 48 hours. If it was not you, ignore this message.",
    ],
    { url, label: "Confirm this address" },
  );

export const workforceInvitationMessage = (to: string, organization: string, inviter: string, url: string) =>
  message(
    to,
    `${organization} asks you to share your Cairn wallet`,
    [
      `${inviter} at ${organization} invited you to share the credentials in your Cairn wallet with ${organization}.`,
      `${organization} uses them to see which skills the team has and to sponsor training for the missing ones.`,
      "Nothing is shared until you agree, and you can stop sharing at any time under Account › Employers.",
    ],
    { url, label: "See what would be shared" },
  );

export const sponsorshipMessage = (to: string, organization: string, achievement: string, url: string) =>
  message(
    to,
    `${organization} offers to sponsor “${achievement}”`,
    [
      `${organization} offers you a sponsored place in the micro-credential “${achievement}”.`,
      "Accept or decline the offer in your Cairn account.",
    ],
    { url, label: "Answer the offer" },
  );

export const talentContactMessage = (
  to: string,
  name: string,
  organization: string,
  subject: string,
  url: string,
) =>
  message(
    to,
    `${organization} would like to contact you: ${subject}`,
    [
      `Hello ${name},`,
      `${organization} found you through Cairn talent search and sent you a message. Your email address stays hidden from them unless you accept.`,
      "Read it, then accept (with a reply) or decline.",
    ],
    { url, label: "Read the message" },
  );

export const talentReplyMessage = (
  to: string,
  learner: string,
  accepted: boolean,
  subject: string,
  url: string,
) =>
  message(
    to,
    `${learner} ${accepted ? "accepted" : "declined"} your message: ${subject}`,
    accepted
      ? [
          `${learner} accepted your message on Cairn and replied. Their email address is now on your contacts page.`,
        ]
      : [`${learner} declined your message on Cairn.`],
    { url, label: "Open your contacts" },
  );

export const courseInvitationMessage = (
  to: string,
  organization: string,
  achievement: string,
  inviter: string,
  url: string,
) =>
  message(
    to,
    `${organization} invites you to the course “${achievement}”`,
    [
      `${inviter} at ${organization} invited you to the course that leads to the micro-credential “${achievement}”.`,
      "Open the link, sign in (or create an account with this address) and accept to start learning. It expires in 14 days.",
    ],
    { url, label: "Accept the invitation" },
  );

export const enrolmentDecisionMessage = (
  to: string,
  organization: string,
  achievement: string,
  approved: boolean,
  url: string,
) =>
  message(
    to,
    approved
      ? `You are enrolled on “${achievement}”`
      : `${organization} declined your enrolment on “${achievement}”`,
    approved
      ? [`${organization} approved your request to enrol on “${achievement}”. You can start learning now.`]
      : [`${organization} declined your request to enrol on “${achievement}”.`],
    { url, label: approved ? "Start learning" : "See your courses" },
  );
