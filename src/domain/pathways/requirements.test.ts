import { describe, expect, it } from "vitest";
import { parsePathway } from "./requirements.ts";

const c = (componentId: string, extra: Record<string, unknown> = {}) => ({
  kind: "component",
  componentId,
  achievementId: `urn:uuid:${componentId}`,
  label: `Course ${componentId}`,
  ...extra,
});

const errorsOf = (input: unknown) => {
  const result = parsePathway(input);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
};

describe("pathway requirements", () => {
  it("accepts every node kind, nested, with options", () => {
    const input = {
      requirements: {
        kind: "all",
        label: "Data steward",
        children: [
          c("a", { credits: 5 }),
          { kind: "some", min: 2, children: [c("b"), c("c"), c("d", { issuer: "did:web:other.example" })] },
          { kind: "credits", min: 7.5, children: [c("e", { credits: 5 }), c("f", { credits: 2.5 })] },
        ],
      },
      order: [["a", "b"]],
      maxAgeMonths: 36,
    };
    const result = parsePathway(input);
    expect(result).toEqual({ ok: true, pathway: input });
  });

  it("explains node problems by path", () => {
    const errors = errorsOf({
      requirements: {
        kind: "all",
        children: [
          c("a"),
          c("b", { credits: -1 }),
          { kind: "some", min: 4, children: [c("c"), c("d")] },
          { kind: "some", min: 0, children: [c("e")] },
          { kind: "nope" },
          c(" ", { label: "" }),
          c("f", { issuer: "other.example" }),
        ],
      },
    });
    expect(errors).toEqual({
      "requirements.children.1.credits": "Give the credits as a number of 0 or more.",
      "requirements.children.2.min": "Ask for at most 2: the group lists 2.",
      "requirements.children.3.min": "Ask for at least 1.",
      "requirements.children.4.kind": 'Use kind "component", "all", "some" or "credits".',
      "requirements.children.5.componentId": "Give the component an id.",
      "requirements.children.5.label": "Name the component.",
      "requirements.children.6.issuer": "Give the issuer as a DID (did:…) or an https:// address.",
    });
  });

  it("refuses duplicate ids and achievements, but allows one achievement from two issuers", () => {
    const errors = errorsOf({
      requirements: {
        kind: "all",
        children: [
          c("a"),
          c("a", { achievementId: "x" }),
          c("b", { achievementId: "urn:uuid:a" }),
          c("d", { achievementId: "urn:uuid:a", issuer: "https://other.example" }),
        ],
      },
    });
    expect(errors).toEqual({
      "requirements.children.1.componentId": "The id is already used at requirements.children.0.",
      "requirements.children.2.achievementId":
        'This achievement is already component "a"; list each achievement once.',
    });
  });

  it("refuses a credits minimum the components cannot reach", () => {
    const errors = errorsOf({
      requirements: { kind: "credits", min: 10, children: [c("a", { credits: 4 }), c("b")] },
    });
    expect(errors["requirements.min"]).toMatch(/worth 4 credits/);
  });

  it("refuses unknown, reflexive, repeated and cyclic orders", () => {
    const errors = errorsOf({
      requirements: { kind: "all", children: [c("a"), c("b"), c("c")] },
      order: [
        ["a", "zz"],
        ["a", "a"],
        ["a", "b"],
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
      ],
    });
    expect(errors).toEqual({
      "order.0.1": 'No component has the id "zz".',
      "order.1": "A component cannot come before itself.",
      "order.3": "This order is already listed.",
      "order.5": "This order closes a cycle: a → b → c → a.",
    });
  });

  it("limits depth to 8 levels and components to 200", () => {
    const nest = (levels: number): unknown =>
      levels === 1 ? c("leaf") : { kind: "all", children: [nest(levels - 1)] };
    expect(parsePathway({ requirements: nest(8) }).ok).toBe(true);
    const deep = errorsOf({ requirements: nest(9) });
    const path = `requirements${".children.0".repeat(7)}.children`;
    expect(deep).toEqual({ [path]: "Nest requirements at most 8 levels deep." });

    const many = (n: number) => ({
      requirements: {
        kind: "all",
        children: Array.from({ length: 2 }, (_, g) => ({
          kind: "all",
          children: Array.from({ length: n / 2 }, (_, i) => c(`c${g}-${i}`)),
        })),
      },
    });
    expect(parsePathway(many(200)).ok).toBe(true);
    expect(errorsOf(many(202))).toEqual({
      requirements: "Use at most 200 components; this pathway lists 202.",
    });
  });

  it("refuses unknown keys and a bad maximum age", () => {
    const errors = errorsOf({ requirements: c("a", { colour: "red" }), maxAgeMonths: 0.5 });
    expect(errors.requirements).toMatch(/colour/);
    expect(errors.maxAgeMonths).toBe("Give the maximum age in whole months.");
  });
});
