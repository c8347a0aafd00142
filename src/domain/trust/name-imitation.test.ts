import { describe, expect, it } from "vitest";
import { closestImitated, imitates, nameSkeleton } from "./name-imitation.ts";

describe("issuer name imitation", () => {
  it("folds case, accents, spacing and punctuation", () => {
    expect(nameSkeleton("Université  de Lyon!")).toBe("universitedelyon");
    expect(imitates("UNIVERSITE DE LYON", "Université de Lyon")).toBe(true);
    expect(imitates("Northwind-Academy", "Northwind Academy")).toBe(true);
  });

  it("sees look-alike characters", () => {
    expect(imitates("Nоrthwind Асаdemy", "Northwind Academy")).toBe(true); // Cyrillic о, А, а
    expect(imitates("N0rthwind Academy", "Northwind Academy")).toBe(true);
    expect(imitates("Northwind Acadeny", "Northwind Academy")).toBe(true); // a typo
    expect(imitates("Univrsity of Nortb Carolina", "University of North Carolina")).toBe(true); // two in a long name
    expect(imitates("Modern Institute", "Modem Institute")).toBe(true); // rn reads as m
  });

  it("picks the registered name imitated most closely", () => {
    const registry = [{ name: "Trusty College 1" }, { name: "Trusty College 4" }];
    expect(closestImitated("Trusty Co11ege 4", registry)?.name).toBe("Trusty College 4");
    expect(closestImitated("Unrelated Body", registry)).toBeUndefined();
  });

  it("does not flag different names", () => {
    expect(imitates("Northwind Academy", "Southwind Academy")).toBe(false);
    expect(imitates("Acme", "Acne")).toBe(false); // short names: one letter makes another name
    expect(imitates("City College", "City University")).toBe(false);
    expect(imitates("", "Northwind Academy")).toBe(false);
  });
});
