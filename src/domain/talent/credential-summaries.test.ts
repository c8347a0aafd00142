import { describe, expect, it } from "vitest";
import { credentialSummaries } from "./credential-summaries.ts";
import type { SkillRow } from "./skill-rows.ts";

const row = (
  walletItemId: string,
  skillName: string,
  achievementName: string,
): SkillRow & { walletItemId: string } => ({
  walletItemId,
  skillKey: skillName.toLowerCase(),
  skillName,
  skillCode: null,
  framework: null,
  achievementRef: null,
  achievementName,
  issuerDid: "did:web:example.org",
  issuerName: "Example",
  eqfLevel: 4,
  issuedAt: new Date("2026-01-01T00:00:00Z"),
  validUntil: null,
  evidence: "Passed",
});

describe("credential summaries", () => {
  it("groups skill rows by credential, in order, each skill once", () => {
    const summaries = credentialSummaries([
      row("b", "Welding", "Welding basics"),
      row("a", "Rigging", "Rigging"),
      row("b", "Safety", "Welding basics"),
      row("b", "Welding", "Welding basics"),
    ]);
    expect(summaries.map((s) => [s.walletItemId, s.achievementName, s.skills])).toEqual([
      ["b", "Welding basics", ["Welding", "Safety"]],
      ["a", "Rigging", ["Rigging"]],
    ]);
  });
});
