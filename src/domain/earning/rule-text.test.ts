import { describe, expect, it } from "vitest";
import { courseContent } from "./course.ts";
import { percentDone, ruleText } from "./rule-text.ts";

const course = courseContent.parse({
  modules: [
    {
      id: "m1",
      title: "Knots",
      assessments: [
        { kind: "quiz", id: "q1", title: "Knot quiz", questions: [], passMark: 70 },
        {
          kind: "project",
          id: "p1",
          title: "Splice a rope",
          accepts: {},
          rubric: [
            {
              id: "c1",
              name: "Neatness",
              levels: [
                { id: "l1", name: "Rough", points: 0 },
                { id: "l2", name: "Neat", points: 2 },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe("ruleText", () => {
  it("names modules, quizzes, projects, criteria and reviews in plain words", () => {
    expect(ruleText(course, { kind: "module", moduleId: "m1" })).toBe("Complete the module “Knots”");
    expect(ruleText(course, { kind: "quiz", quizId: "q1", minPercent: 70 })).toBe(
      "Score at least 70% in the quiz “Knot quiz”",
    );
    expect(ruleText(course, { kind: "rubric", projectId: "p1", minPoints: 1 })).toBe(
      "Reach 1 point in the project “Splice a rope”",
    );
    expect(ruleText(course, { kind: "rubric", projectId: "p1", minPoints: 2, criterionId: "c1" })).toBe(
      "Reach 2 points on “Neatness” in the project “Splice a rope”",
    );
    expect(ruleText(course, { kind: "reviews", projectId: "p1", min: 2 })).toBe(
      "Give 2 peer reviews in the project “Splice a rope”",
    );
    expect(ruleText(course, { kind: "reviews", min: 1 })).toBe("Give 1 peer review");
    expect(ruleText(course, { kind: "module", moduleId: "gone" })).toBe("Complete the module (removed)");
  });

  it("counts done leaf rules as a percentage", () => {
    expect(percentDone([{ met: true }, { met: false }, { met: false }])).toBe(33);
    expect(percentDone([{ met: true }])).toBe(100);
    expect(percentDone([])).toBe(100);
  });
});
