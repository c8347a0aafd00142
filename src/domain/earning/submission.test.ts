import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { project as projectSchema, type RubricCriterion } from "./course.ts";
import {
  cleanFileName,
  fileRefusal,
  gradeFromChoices,
  mediaTypeOf,
  nextRevision,
  parseLinks,
} from "./submission.ts";

const rubric: RubricCriterion[] = [
  {
    id: "clarity",
    name: "Clarity",
    description: "",
    levels: [
      { id: "weak", name: "Weak", descriptor: "Hard to follow", points: 0 },
      { id: "clear", name: "Clear", descriptor: "Easy to follow", points: 2 },
      { id: "vivid", name: "Vivid", descriptor: "A pleasure", points: 3 },
    ],
  },
  {
    id: "safety",
    name: "Safety",
    description: "",
    levels: [
      { id: "unsafe", name: "Unsafe", descriptor: "", points: 0 },
      { id: "safe", name: "Safe", descriptor: "", points: 4 },
    ],
  },
];
const accepts = projectSchema.shape.accepts.parse({ files: true, fileTypes: ["pdf", "png"], maxFileMb: 1 });
const now = new Date("2030-05-01T12:00:00Z");

describe("grading against a rubric", () => {
  it("sums the chosen levels' points and records each level", () => {
    expect(gradeFromChoices(rubric, { clarity: "clear", safety: "safe" })).toEqual({
      ok: true,
      grade: { clarity: { levelId: "clear", points: 2 }, safety: { levelId: "safe", points: 4 } },
      points: 6,
    });
  });
  it("refuses a missing criterion, a level of another criterion, and a criterion the rubric lacks", () => {
    expect(gradeFromChoices(rubric, { clarity: "clear" })).toMatchObject({ ok: false, message: /Safety/ });
    expect(gradeFromChoices(rubric, { clarity: "safe", safety: "safe" })).toMatchObject({
      ok: false,
      message: /no such level/,
    });
    expect(gradeFromChoices(rubric, { clarity: "clear", safety: "safe", style: "x" })).toMatchObject({
      ok: false,
    });
  });
  it("accepts exactly the complete choices of the rubric's own levels, whatever is chosen", () => {
    const choice = fc.record({
      clarity: fc.constantFrom("weak", "clear", "vivid", "safe", ""),
      safety: fc.constantFrom("unsafe", "safe", "clear", ""),
    });
    fc.assert(
      fc.property(choice, (choices) => {
        const result = gradeFromChoices(rubric, choices);
        const valid =
          ["weak", "clear", "vivid"].includes(choices.clarity) && ["unsafe", "safe"].includes(choices.safety);
        expect(result.ok).toBe(valid);
        if (result.ok) expect(result.points).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe("when a learner may submit", () => {
  it("numbers the first submission 1 and a resubmission after a return one more", () => {
    expect(nextRevision({}, [], now)).toEqual({ ok: true, revision: 1 });
    expect(
      nextRevision(
        {},
        [
          { revision: 1, status: "returned" },
          { revision: 2, status: "returned" },
        ],
        now,
      ),
    ).toEqual({ ok: true, revision: 3 });
  });
  it("refuses late, duplicate (awaiting grading) and already graded submissions", () => {
    expect(nextRevision({ dueAt: "2030-05-01T11:59:00Z" }, [], now)).toMatchObject({
      ok: false,
      refusal: { code: "submission_late" },
    });
    expect(nextRevision({ dueAt: "2030-05-01T12:00:00Z" }, [], now)).toMatchObject({ ok: true });
    expect(nextRevision({}, [{ revision: 1, status: "submitted" }], now)).toMatchObject({
      refusal: { code: "submission_pending" },
    });
    expect(
      nextRevision(
        {},
        [
          { revision: 2, status: "graded" },
          { revision: 1, status: "returned" },
        ],
        now,
      ),
    ).toMatchObject({ refusal: { code: "submission_already_graded" } });
  });
});

describe("files and links", () => {
  it("accepts the project's types within its size and refuses the rest", () => {
    expect(fileRefusal(accepts, { name: "Report.PDF", size: 1000 })).toBeUndefined();
    expect(fileRefusal(accepts, { name: "run.exe", size: 1000 })).toMatch(/only \.pdf, \.png/);
    expect(fileRefusal(accepts, { name: "big.png", size: 1024 * 1024 + 1 })).toMatch(/larger than 1 MB/);
    expect(fileRefusal(accepts, { name: "empty.pdf", size: 0 })).toMatch(/empty/);
    expect(fileRefusal({ ...accepts, files: false }, { name: "a.pdf", size: 1 })).toMatch(/does not accept/);
  });
  it("keeps only a file name's last segment, without control characters or quotes", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('C:\\Users\\a\\"re\nport".pdf')).toBe("report.pdf");
    expect(cleanFileName("")).toBe("file");
    expect(mediaTypeOf("x.PDF")).toBe("application/pdf");
    expect(mediaTypeOf("x.html")).toBe("application/octet-stream");
  });
  it("takes https links one per line and refuses anything else", () => {
    expect(parseLinks(" https://a.example/x \n\nhttps://b.example\r\n")).toEqual({
      ok: true,
      links: ["https://a.example/x", "https://b.example"],
    });
    expect(parseLinks("http://a.example")).toMatchObject({ ok: false });
    expect(parseLinks("javascript:alert(1)")).toMatchObject({ ok: false });
    expect(parseLinks("not a link")).toMatchObject({ ok: false });
  });
});
