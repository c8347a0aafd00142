import { describe, expect, it } from "vitest";
import { recipientMatches } from "./recipient.ts";
import { ALICE_HASH } from "./test-helpers.ts";

// Known answers computed with coreutils: printf '%s' 'alice@example.orgdeadsea' | sha256sum (and md5sum).
const MD5 = "md5$d7e7e38b014cb2425985186a74477dd1";

describe("recipientMatches", () => {
  it("matches an OB 2.0 salted sha256 identity against the learner's emails, normalised", () => {
    const recipient = { type: "email", hashed: true, salt: "deadsea", identity: ALICE_HASH };
    expect(recipientMatches(recipient, ["bob@example.org", "  Alice@Example.ORG "])).toBe(true);
    expect(recipientMatches(recipient, ["bob@example.org"])).toBe(false);
    expect(recipientMatches({ ...recipient, salt: "othersalt" }, ["alice@example.org"])).toBe(false);
    expect(
      recipientMatches({ ...recipient, identity: ALICE_HASH.toUpperCase().replace("SHA256", "sha256") }, [
        "alice@example.org",
      ]),
    ).toBe(true);
  });

  it("matches md5 and unsalted hashes", () => {
    expect(
      recipientMatches({ type: "email", hashed: true, salt: "deadsea", identity: MD5 }, [
        "alice@example.org",
      ]),
    ).toBe(true);
    const unsalted = "sha256$7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498";
    expect(recipientMatches({ type: "email", hashed: true, identity: unsalted }, ["alice@example.org"])).toBe(
      true,
    );
  });

  it("matches plain identities, OB 2.0 and OB 3.0", () => {
    expect(
      recipientMatches({ type: "email", hashed: false, identity: "Alice@example.org" }, [
        "alice@example.org",
      ]),
    ).toBe(true);
    expect(
      recipientMatches(
        { identityType: "emailAddress", hashed: false, identityHash: "alice@example.org", salt: "not-used" },
        ["ALICE@example.org"],
      ),
    ).toBe(true);
  });

  it("matches an OB 3.0 IdentityObject with a salted hash", () => {
    const identity = {
      identityType: "emailAddress",
      hashed: true,
      salt: "deadsea",
      identityHash: ALICE_HASH,
    };
    expect(recipientMatches(identity, ["alice@example.org"])).toBe(true);
    expect(recipientMatches(identity, [])).toBe(false);
  });

  it("never matches other identity types, unknown algorithms or malformed hashes", () => {
    expect(
      recipientMatches({ type: "url", hashed: false, identity: "alice@example.org" }, ["alice@example.org"]),
    ).toBe(false);
    const hex = ALICE_HASH.split("$")[1];
    expect(
      recipientMatches({ type: "email", hashed: true, salt: "deadsea", identity: `sha1$${hex}` }, [
        "alice@example.org",
      ]),
    ).toBe(false);
    expect(
      recipientMatches({ type: "email", hashed: true, salt: "deadsea", identity: String(hex) }, [
        "alice@example.org",
      ]),
    ).toBe(false);
    expect(recipientMatches({ type: "email", hashed: true, identity: "sha256$" }, [""])).toBe(false);
  });
});
