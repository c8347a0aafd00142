import { describe, expect, it } from "vitest";
import { costText, deliveryText, durationText } from "../catalog/offer-text.ts";
import { achievementJson } from "./achievement-json.ts";
import { definitionInput } from "./definition.ts";

const base = { name: "Data basics", description: "Reads data.", criteria: "Pass the quiz." };
const context = { id: "https://x.test/achievements/1", version: 1, issuer: { id: "did:web:x", name: "X" } };

describe("offer facts on a definition", () => {
  it("keeps an old stored definition valid: every offer fact is optional", () => {
    const d = definitionInput.parse(base);
    expect(d.durationWeeks).toBeUndefined();
    expect(d.cost).toBeUndefined();
    expect(d.startDates).toEqual([]);
  });

  it("reads form values and normalizes the currency", () => {
    const d = definitionInput.parse({
      ...base,
      durationWeeks: "4",
      hoursPerWeek: "5.5",
      cost: "0",
      currency: "eur",
      pacing: "cohort",
      startDates: ["2026-09-01"],
      industry: "healthcare",
    });
    expect(d).toMatchObject({ durationWeeks: 4, hoursPerWeek: 5.5, cost: 0, currency: "EUR" });
    expect(d.industry).toBe("healthcare");
  });

  it("refuses an unknown industry, a bad date and a bad currency", () => {
    const r = definitionInput.safeParse({
      ...base,
      industry: "mining",
      startDates: ["1 September"],
      currency: "euro",
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["industry", "startDates.0", "currency"]));
  });

  it("puts the offer into the Achievement under Cairn's context terms", () => {
    const d = definitionInput.parse({
      ...base,
      durationWeeks: 6,
      cost: 120,
      currency: "EUR",
      pacing: "cohort",
      startDates: ["2026-09-01"],
      industry: "technology",
    });
    expect(achievementJson(d, context)).toMatchObject({
      durationWeeks: 6,
      cost: 120,
      costCurrency: "EUR",
      pacing: "cohort",
      cohortStartDate: ["2026-09-01"],
      industry: "technology",
    });
  });

  it("words the facts plainly", () => {
    expect(costText(0, "EUR")).toBe("Free");
    expect(costText(49.5, "EUR")).toBe("49.50 EUR");
    expect(costText(undefined, undefined)).toBe("Not stated");
    expect(durationText(1, 3)).toBe("1 week, 3 h/week");
    expect(deliveryText("online", "cohort", ["2026-09-01"])).toBe("Online, cohort, starts 2026-09-01");
  });
});
