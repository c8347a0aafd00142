import { describe, expect, it } from "vitest";
import { detectLayout, duplicateProblem, toSkill } from "./framework-rows.ts";
import { starterSkills } from "./starter-catalog.ts";

describe("skill framework rows", () => {
  it("recognises ESCO and O*NET headers, and nothing else", () => {
    expect(detectLayout(["conceptType", "conceptUri", "preferredLabel", "altLabels"])).toBe("esco");
    expect(detectLayout(["O*NET-SOC Code", "Element ID", "Element Name"])).toBe("onet");
    expect(detectLayout(["code", "name"])).toBeUndefined();
  });

  it("maps an ESCO row, splitting alternative labels on new lines for search", () => {
    const result = toSkill("esco", {
      conceptUri: "http://data.europa.eu/esco/skill/1",
      preferredLabel: " Use spreadsheets ",
      altLabels: "excel\r\nspreadsheet software",
      description: "",
    });
    expect(result).toEqual({
      ok: true,
      skill: {
        code: "http://data.europa.eu/esco/skill/1",
        name: "Use spreadsheets",
        description: null,
        url: "http://data.europa.eu/esco/skill/1",
        searchText: "use spreadsheets\nexcel\nspreadsheet software\nhttp://data.europa.eu/esco/skill/1",
      },
    });
  });

  it("explains invalid rows by column", () => {
    expect(toSkill("esco", { conceptUri: "javascript:alert(1)", preferredLabel: "" })).toEqual({
      ok: false,
      message: "conceptUri is not an http(s) URI; preferredLabel is empty",
    });
    expect(toSkill("onet", { "Element ID": "2 A", "Element Name": "x" })).toMatchObject({ ok: false });
  });

  it("skips O*NET's repeated elements but refuses a code that changes name", () => {
    const a = toSkill("onet", { "Element ID": "2.A.1.a", "Element Name": "Reading" });
    const b = toSkill("onet", { "Element ID": "2.A.1.a", "Element Name": "Writing" });
    if (!a.ok || !b.ok) throw new Error("valid rows");
    expect(duplicateProblem("onet", a.skill, a.skill)).toBe("skip");
    expect(duplicateProblem("onet", a.skill, b.skill)).toBe("repeats the code 2.A.1.a");
    expect(duplicateProblem("esco", a.skill, a.skill)).toBe("repeats the code 2.A.1.a");
  });

  it("ships about forty starter skills with unique cairn: codes", () => {
    const skills = starterSkills("https://cairn.example");
    expect(skills.length).toBeGreaterThanOrEqual(40);
    expect(new Set(skills.map((s) => s.code)).size).toBe(skills.length);
    expect(skills.every((s) => /^cairn:[a-z-]+$/.test(s.code))).toBe(true);
    expect(skills[0]?.url).toBe(`https://cairn.example/skills/${skills[0]?.code}`);
  });
});
