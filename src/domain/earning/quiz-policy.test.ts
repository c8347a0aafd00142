import { describe, expect, it } from "vitest";
import { type AttemptSummary, attemptPolicy, isOverdue, QUIZ_GRACE_MS } from "./quiz-policy.ts";

const t = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes));
const attempt = (
  number: number,
  started: number,
  submitted: number | null,
  deadline?: number,
): AttemptSummary => ({
  id: `a${number}`,
  number,
  startedAt: t(started),
  deadlineAt: deadline === undefined ? null : t(deadline),
  submittedAt: submitted === null ? null : t(submitted),
});

describe("what a learner may do next on a quiz", () => {
  it("starts the first attempt, then the next number", () => {
    expect(attemptPolicy({ cooldownMinutes: 0 }, [], t(0))).toEqual({
      kind: "start",
      number: 1,
      used: 0,
      left: undefined,
    });
    expect(attemptPolicy({ maxAttempts: 3, cooldownMinutes: 0 }, [attempt(1, 0, 5)], t(6))).toEqual({
      kind: "start",
      number: 2,
      used: 1,
      left: 2,
    });
  });

  it("resumes an open attempt instead of starting another", () => {
    expect(
      attemptPolicy({ maxAttempts: 1, cooldownMinutes: 60 }, [attempt(1, 0, null, 10)], t(10)),
    ).toMatchObject({
      kind: "resume",
      attemptId: "a1",
    });
  });

  it("refuses once the attempts are used up, passed or not", () => {
    expect(
      attemptPolicy({ maxAttempts: 2, cooldownMinutes: 0 }, [attempt(1, 0, 1), attempt(2, 2, 3)], t(9)),
    ).toEqual({
      kind: "exhausted",
      used: 2,
      left: 0,
    });
  });

  it("waits out the cool-down from the end of the previous attempt", () => {
    const quiz = { cooldownMinutes: 30, maxAttempts: 5 };
    expect(attemptPolicy(quiz, [attempt(1, 0, 10)], t(39))).toMatchObject({ kind: "cooling", until: t(40) });
    expect(attemptPolicy(quiz, [attempt(1, 0, 10)], t(40))).toMatchObject({ kind: "start", number: 2 });
  });

  it("an attempt whose time is up counts as ended at its deadline", () => {
    const open = attempt(1, 0, null, 10);
    const justAfter = new Date(t(10).getTime() + QUIZ_GRACE_MS);
    expect(isOverdue(open, justAfter)).toBe(false);
    expect(isOverdue(open, new Date(justAfter.getTime() + 1))).toBe(true);
    expect(attemptPolicy({ cooldownMinutes: 5 }, [open], t(12))).toMatchObject({
      kind: "cooling",
      until: t(15),
    });
    expect(attemptPolicy({ cooldownMinutes: 5, maxAttempts: 1 }, [open], t(12))).toMatchObject({
      kind: "exhausted",
    });
  });
});
