import { message } from "./templates.ts";

// Mail a learner receives about a project submission.

export const submissionGradedMessage = (
  to: string,
  input: {
    project: string;
    achievement: string;
    points: number;
    maxPoints: number;
    feedback: string;
    url: string;
  },
) =>
  message(
    to,
    `Your project "${input.project}" is graded`,
    [
      `Your submission for "${input.project}" (${input.achievement}) is graded: ${input.points} of ${input.maxPoints} points.`,
      ...(input.feedback ? ["Feedback from your assessor:", input.feedback] : []),
    ],
    { url: input.url, label: "See your grade" },
  );

export const submissionReturnedMessage = (
  to: string,
  input: { project: string; achievement: string; feedback: string; url: string },
) =>
  message(
    to,
    `Your project "${input.project}" needs another revision`,
    [
      `Your assessor returned your submission for "${input.project}" (${input.achievement}) for revision.`,
      "Feedback from your assessor:",
      input.feedback,
      "Revise your work and submit it again.",
    ],
    { url: input.url, label: "Revise and resubmit" },
  );
