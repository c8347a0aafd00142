import fc from "fast-check";
import type { Question, Quiz } from "../src/domain/earning/course.ts";

// Quizzes for the property tests: question banks of every kind with distinct ids and well-formed keys.

const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,]{0,11}$/);

const choice = (kind: "single" | "multiple", id: string): fc.Arbitrary<Question> =>
  fc.integer({ min: 2, max: 6 }).chain((n) => {
    const options = Array.from({ length: n }, (_, i) => ({ id: `${id}-o${i}`, text: `Option ${i}` }));
    const correct =
      kind === "single"
        ? fc.integer({ min: 0, max: n - 1 }).map((i) => [`${id}-o${i}`])
        : fc.subarray(
            options.map((o) => o.id),
            { minLength: 1 },
          );
    return fc
      .record({ points: fc.integer({ min: 1, max: 5 }), correct })
      .map(({ points, correct }) => ({ kind, id, prompt: `Question ${id}`, points, options, correct }));
  });

export const questionArb = (id: string): fc.Arbitrary<Question> =>
  fc.oneof(
    choice("single", id),
    choice("multiple", id),
    fc
      .record({
        points: fc.integer({ min: 1, max: 5 }),
        answer: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
        tolerance: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
      })
      .map((r) => ({ kind: "numeric" as const, id, prompt: `Question ${id}`, ...r })),
    fc
      .record({
        points: fc.integer({ min: 1, max: 5 }),
        accepted: fc.array(word, { minLength: 1, maxLength: 3 }),
      })
      .map((r) => ({ kind: "text" as const, id, prompt: `Question ${id}`, ...r })),
  );

export const quizArb: fc.Arbitrary<Quiz> = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      questions: fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(`q${i}`))),
      drawCount: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
      shuffleOptions: fc.boolean(),
      passMark: fc.integer({ min: 0, max: 100 }),
    }),
  )
  .map((r) => ({
    kind: "quiz",
    id: "quiz",
    title: "A quiz",
    questions: r.questions,
    ...(r.drawCount === undefined ? {} : { drawCount: r.drawCount }),
    shuffleOptions: r.shuffleOptions,
    passMark: r.passMark,
    cooldownMinutes: 0,
  }));

/** A deterministic [0, 1) source from a seed list, cycling (fast-check shrinks the list). */
export const randomArb = fc
  .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 })
  .map((values) => {
    let i = 0;
    return () => values[i++ % values.length] ?? 0;
  });
