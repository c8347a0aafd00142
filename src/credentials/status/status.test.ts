import { BitstringStatusList, decodeList } from "@digitalbazaar/vc-bitstring-status-list";
import { describe, expect, it } from "vitest";
import {
  createStatusBits,
  decodeStatusList,
  drawStatusIndex,
  encodeStatusList,
  getStatusBit,
  MIN_STATUS_LIST_LENGTH,
  withStatusBit,
} from "./bitstring.ts";
import { buildStatusListCredential } from "./status-list-credential.ts";

describe("Bitstring Status List", () => {
  it("encodes a 131,072-entry list the reference library reads bit for bit", async () => {
    let bits = createStatusBits();
    expect(bits.length * 8).toBe(MIN_STATUS_LIST_LENGTH);
    for (const index of [0, 7, 8, 4242, MIN_STATUS_LIST_LENGTH - 1]) bits = withStatusBit(bits, index, true);
    const encoded = encodeStatusList(bits);
    expect(encoded.startsWith("u")).toBe(true);
    const reference = await decodeList({ encodedList: encoded });
    for (const index of [0, 1, 7, 8, 9, 4242, 4243, MIN_STATUS_LIST_LENGTH - 1]) {
      expect(reference.getStatus(index), `index ${index}`).toBe(getStatusBit(bits, index));
    }
  });

  it("decodes lists the reference library encodes", async () => {
    const list = new BitstringStatusList({ length: MIN_STATUS_LIST_LENGTH });
    list.setStatus(99_999, true);
    const bits = decodeStatusList(await list.encode());
    expect(getStatusBit(bits, 99_999)).toBe(true);
    expect(getStatusBit(bits, 99_998)).toBe(false);
  });

  it("never mutates, rejects bad indexes and bad encodings", () => {
    const bits = createStatusBits(16);
    const set = withStatusBit(bits, 3, true);
    expect(getStatusBit(bits, 3)).toBe(false);
    expect(getStatusBit(withStatusBit(set, 3, false), 3)).toBe(false);
    expect(() => getStatusBit(bits, 16)).toThrow(/outside/);
    expect(() => decodeStatusList("zabc")).toThrow(/multibase/);
    expect(() => decodeStatusList("unotgzip")).toThrow(/GZIP/);
  });

  it("draws indexes uniformly from an injected source, rejecting the biased tail", () => {
    // 2^32 is a multiple of the default length, so every value maps evenly…
    expect(drawStatusIndex(() => MIN_STATUS_LIST_LENGTH + 9)).toBe(9);
    // …but not of 3, where the top value would bias the draw and is rejected.
    const values = [2 ** 32 - 1, 5];
    expect(drawStatusIndex(() => values.shift() ?? 0, 3)).toBe(2);
    expect(() => drawStatusIndex(() => -1)).toThrow(RangeError);
  });

  it("builds the unsigned BitstringStatusListCredential", () => {
    const credential = buildStatusListCredential({
      id: "http://localhost:3000/orgs/acme/status/1",
      issuer: "did:web:localhost%3A3000:orgs:acme",
      statusPurpose: "suspension",
      bits: createStatusBits(),
      validFrom: new Date("2025-01-01T00:00:00.500Z"),
    });
    expect(credential).toMatchObject({
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      validFrom: "2025-01-01T00:00:00Z",
      credentialSubject: {
        id: "http://localhost:3000/orgs/acme/status/1#list",
        type: "BitstringStatusList",
        statusPurpose: "suspension",
      },
    });
  });
});
