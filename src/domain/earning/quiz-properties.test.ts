import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quizArb, randomArb } from "../../../test/quiz-arbitraries.ts";
import { quiz as quizSchema } from "./course.ts";
import { drawAttempt, drawSize, shuffled } from "./quiz-draw.ts";
import { type Answers, gradeAttempt, keyAnswers } from "./quiz-grading.ts";

describe("quiz properties", () => {
  it("the generated quizzes are valid quizzes", () => {
    fc.assert(fc.property(quizArb, (quiz) => void quizSchema.parse(quiz)));
  });

  it("a draw has the right size, never repeats a question, and only draws from the bank", () => {
    fc.assert(
      fc.property(quizArb, randomArb, (quiz, random) => {
        const { questions } = drawAttempt(quiz, random);
        const ids = questions.map((q) => q.id);
        expect(ids).toHaveLength(drawSize(quiz));
        expect(ids).toHaveLength(Math.min(quiz.drawCount ?? quiz.questions.length, quiz.questions.length));
        expect(new Set(ids).size).toBe(ids.length);
        const bank = new Set(quiz.questions.map((q) => q.id));
        expect(ids.every((id) => bank.has(id))).toBe(true);
      }),
    );
  });

  it("a draw keeps each question's options and key, only reordered", () => {
    fc.assert(
      fc.property(quizArb, randomArb, (quiz, random) => {
        for (const drawn of drawAttempt(quiz, random).questions) {
          const original = quiz.questions.find((q) => q.id === drawn.id);
          if (drawn.kind === "single" || drawn.kind === "multiple") {
            if (original?.kind !== drawn.kind) throw new Error("kind changed");
            expect(drawn.correct).toEqual(original.correct);
            expect([...drawn.options].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
              [...original.options].sort((a, b) => a.id.localeCompare(b.id)),
            );
            if (!quiz.shuffleOptions) expect(drawn.options).toEqual(original.options);
          } else expect(drawn).toEqual(original);
        }
      }),
    );
  });

  it("answering with the key itself scores 100% and passes", () => {
    fc.assert(
      fc.property(quizArb, randomArb, (quiz, random) => {
        const snapshot = drawAttempt(quiz, random);
        const grade = gradeAttempt(snapshot, keyAnswers(snapshot));
        expect(grade.percent).toBe(100);
        expect(grade.points).toBe(grade.maxPoints);
        expect(grade.passed).toBe(true);
      }),
    );
  });

  const answersArb = fc.dictionary(
    fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `q${i}`)),
    fc.array(fc.oneof(fc.constantFrom("q0-o0", "q1-o1", "q2-o0", "q3-o2", "1", "0", "x"), fc.string()), {
      maxLength: 3,
    }),
  );

  it("any answers score within [0, 100], and passing means reaching the pass mark", () => {
    fc.assert(
      fc.property(quizArb, randomArb, answersArb, (quiz, random, answers) => {
        const grade = gradeAttempt(drawAttempt(quiz, random), answers);
        expect(grade.percent).toBeGreaterThanOrEqual(0);
        expect(grade.percent).toBeLessThanOrEqual(100);
        expect(grade.points).toBeLessThanOrEqual(grade.maxPoints);
        expect(grade.passed).toBe(grade.percent >= quiz.passMark);
      }),
    );
  });

  it("permuting the options of the questions does not change the score", () => {
    fc.assert(
      fc.property(quizArb, randomArb, randomArb, fc.boolean(), (quiz, random, other, useKey) => {
        const snapshot = drawAttempt(quiz, random);
        const key = keyAnswers(snapshot);
        // Half the cases answer with the key, half with every option ticked (mostly wrong).
        const answers: Answers = useKey
          ? key
          : Object.fromEntries(
              snapshot.questions.map((q) => [q.id, "options" in q ? q.options.map((o) => o.id) : ["0"]]),
            );
        const permuted = {
          ...snapshot,
          questions: snapshot.questions.map((q) =>
            q.kind === "single" || q.kind === "multiple" ? { ...q, options: shuffled(q.options, other) } : q,
          ),
        };
        expect(gradeAttempt(permuted, answers)).toEqual(gradeAttempt(snapshot, answers));
      }),
    );
  });

  it("a shuffle is a permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), randomArb, (items, random) => {
        expect([...shuffled(items, random)].sort()).toEqual([...items].sort());
      }),
    );
  });
});
