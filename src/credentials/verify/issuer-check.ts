import type { KeyResolver } from "./key-resolver.ts";
import {
  type Check,
  failed,
  issuerIdOf,
  type JsonRecord,
  passed,
  skipped,
  type VerifyDeps,
} from "./types.ts";

/**
 * The issuer must control every signing key: a DID key's controller is the issuer and the issuer's
 * DID document lists it under assertionMethod; an HTTP(S) key names the issuer as its controller and
 * lives under the issuer's URL.
 */
export async function checkIssuer(
  credential: JsonRecord,
  keyIds: string[],
  embeddedJwk: boolean,
  resolveKey: KeyResolver,
  deps: VerifyDeps,
): Promise<Check> {
  const issuerId = issuerIdOf(credential);
  if (!issuerId) return failed("issuer", "The credential names no issuer id.");
  if (embeddedJwk) {
    return deps.trustEmbeddedJwk
      ? passed("issuer", `Key embedded in the JWT accepted for ${issuerId} (trustEmbeddedJwk).`)
      : failed(
          "issuer",
          "The JWT carries its own key (jwk header), which does not show the issuer controls it.",
        );
  }
  if (keyIds.length === 0) return skipped("issuer", "No key to check.");
  for (const keyId of keyIds) {
    const resolved = await resolveKey(keyId);
    if (!resolved.ok) return failed("issuer", resolved.message);
    if (resolved.controller !== undefined && resolved.controller !== issuerId) {
      return failed(
        "issuer",
        `Key ${keyId} is controlled by ${resolved.controller}, not the issuer ${issuerId}.`,
      );
    }
    if (keyId.startsWith("did:")) {
      if (keyId.split("#")[0] !== issuerId && resolved.controller !== issuerId) {
        return failed("issuer", `Key ${keyId} does not belong to the issuer ${issuerId}.`);
      }
      if (!resolved.listedForAssertion) {
        return failed(
          "issuer",
          `Key ${keyId} is not listed under assertionMethod in ${issuerId}'s DID document.`,
        );
      }
    } else if (!keyId.startsWith(`${issuerId}#`) && !keyId.startsWith(`${issuerId}/`)) {
      return failed("issuer", `Key ${keyId} is not published under the issuer's URL ${issuerId}.`);
    } else if (resolved.controller === undefined) {
      return failed("issuer", `Key ${keyId} does not name its controller.`);
    }
  }
  return passed("issuer", `The issuer ${issuerId} controls the signing key.`);
}
