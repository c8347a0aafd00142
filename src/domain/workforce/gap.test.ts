import { describe, expect, it } from "vitest";
import { monthEnds } from "../months.ts";
import { coverageAt, gapCell, type HeldSkill, percent, type RequiredSkill } from "./gap.ts";

const skill = (key: string, minLevel: number | null = null): RequiredSkill => ({
  skillKey: key,
  skillName: key,
  skillCode: null,
  framework: null,
  minLevel,
});
const held = (key: string, level: number | null, from: string, until: string | null = null): HeldSkill => ({
  skillKey: key,
  achievementName: `${key} L${level}`,
  eqfLevel: level,
  issuedAt: new Date(from),
  validUntil: until ? new Date(until) : null,
});
const at = new Date("2026-06-01T00:00:00Z");

describe("skills-gap cells", () => {
  it("is met by a valid credential at or above the level, naming the highest", () => {
    const cell = gapCell(
      skill("welding", 4),
      [held("welding", 4, "2026-01-01"), held("welding", 5, "2026-02-01")],
      at,
    );
    expect(cell).toEqual({ status: "met", credential: "welding L5", level: 5 });
  });
  it("is below level when only lower-level credentials show the skill", () => {
    expect(gapCell(skill("welding", 5), [held("welding", 3, "2026-01-01")], at)).toEqual({
      status: "below",
      credential: "welding L3",
      level: 3,
    });
    // A credential without a level cannot prove a minimum level, but meets a skill with none.
    expect(gapCell(skill("welding", 2), [held("welding", null, "2026-01-01")], at).status).toBe("below");
    expect(gapCell(skill("welding"), [held("welding", null, "2026-01-01")], at).status).toBe("met");
  });
  it("is missing without a credential valid at that moment", () => {
    expect(gapCell(skill("welding"), [held("welding", 4, "2026-07-01")], at).status).toBe("missing");
    expect(gapCell(skill("welding"), [held("welding", 4, "2025-01-01", "2026-05-31")], at).status).toBe(
      "missing",
    );
    expect(gapCell(skill("welding"), [held("rigging", 4, "2025-01-01")], at).status).toBe("missing");
  });
});

describe("coverage", () => {
  it("counts met cells over required cells", () => {
    const people = [
      { required: [skill("a"), skill("b")], held: [held("a", 4, "2026-01-01")] },
      { required: [skill("a")], held: [held("a", 4, "2026-05-15")] },
    ];
    expect(coverageAt(people, at)).toEqual({ met: 2, total: 3 });
    expect(coverageAt(people, new Date("2026-05-01"))).toEqual({ met: 1, total: 3 });
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
  it("reads each month at its end, the current month now", () => {
    const months = monthEnds(new Date("2026-03-10T12:00:00Z"), 3);
    expect(months.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(months[0]?.at.toISOString()).toBe("2026-01-31T23:59:59.999Z");
    expect(months[1]?.at.toISOString()).toBe("2026-02-28T23:59:59.999Z");
    expect(months[2]?.at.toISOString()).toBe("2026-03-10T12:00:00.000Z");
  });
});
