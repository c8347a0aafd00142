import { describe, expect, it } from "vitest";
import { coveredBy, goalsInput, missingSkills } from "./goals.ts";

describe("learning goals", () => {
  it("normalizes ticked and typed skills, once each, in order", () => {
    const parsed = goalsInput.parse({
      skills: ["Kubernetes"],
      add: " kubernetes, Threat   modelling,\n,SQL",
    });
    expect(parsed).toEqual({ skills: ["kubernetes", "threat modelling", "sql"], pathwayId: null });
  });

  it("refuses more than 20 skills, an over-long one, and a pathway that is not an id", () => {
    const many = Array.from({ length: 21 }, (_, i) => `s${i}`).join(",");
    expect(goalsInput.safeParse({ add: many }).success).toBe(false);
    expect(goalsInput.safeParse({ add: "x".repeat(101) }).success).toBe(false);
    expect(goalsInput.safeParse({ pathwayId: "nope" }).success).toBe(false);
    expect(goalsInput.parse({}).skills).toEqual([]);
  });

  it("misses target and pathway skills not held; an entry covers those it teaches", () => {
    const missing = missingSkills(["kubernetes", "sql"], ["monitoring", "SQL"], new Set(["sql"]));
    expect(missing).toEqual(["kubernetes", "monitoring"]);
    expect(coveredBy(["monitoring", "linux", "kubernetes"], missing)).toEqual(["monitoring", "kubernetes"]);
  });
});
