import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quizArb, randomArb } from "../../../test/quiz-arbitraries.ts";
import { drawAttempt } from "./quiz-draw.ts";
import { correctAnswerText, givenAnswerText, publicQuestions } from "./quiz-view.ts";

describe("the learner's view of an open attempt", () => {
  it("carries prompts, points and options in the drawn order, and no key", () => {
    fc.assert(
      fc.property(quizArb, randomArb, (quiz, random) => {
        const snapshot = drawAttempt(quiz, random);
        const view = publicQuestions(snapshot);
        expect(view.map((q) => q.id)).toEqual(snapshot.questions.map((q) => q.id));
        for (const [i, q] of view.entries()) {
          expect(Object.keys(q).sort()).toEqual(
            "options" in q
              ? ["id", "kind", "options", "points", "prompt"]
              : ["id", "kind", "points", "prompt"],
          );
          const drawn = snapshot.questions[i];
          if ("options" in q && drawn && "options" in drawn) expect(q.options).toEqual(drawn.options);
        }
        const json = JSON.stringify(view);
        expect(json).not.toMatch(/correct|answer|accepted|tolerance/);
      }),
    );
  });

  it("words the key and the learner's answer for the result page", () => {
    const q = {
      kind: "multiple" as const,
      id: "m",
      prompt: "Primes?",
      points: 1,
      options: [
        { id: "a", text: "2" },
        { id: "b", text: "4" },
        { id: "c", text: "7" },
      ],
      correct: ["a", "c"],
    };
    expect(correctAnswerText(q)).toBe("2; 7");
    expect(givenAnswerText(q, ["b"])).toBe("4");
    expect(givenAnswerText(q, undefined)).toBe("No answer");
    expect(
      correctAnswerText({ kind: "numeric", id: "n", prompt: "?", points: 1, answer: 5, tolerance: 0 }),
    ).toBe("5");
  });
});
