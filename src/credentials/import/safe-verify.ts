import { errorMessage, type VerificationResult } from "../verify/types.ts";
import type { ImportDeps } from "./types.ts";

/** A credential as given (what to store) and the credential document read from it. */
export type VcOriginal = { original: string | Record<string, unknown>; credential: Record<string, unknown> };

/** The verifier never throws by contract; an injected one still might, and that must not escape an import. */
export async function safeVerify(
  deps: ImportDeps,
  input: unknown,
  options?: { acceptAnyCredential?: boolean },
): Promise<VerificationResult> {
  try {
    return await deps.verifier.verify(input, options);
  } catch (error) {
    return {
      verified: false,
      checks: [{ id: "format", status: "failed", message: `Verification failed: ${errorMessage(error)}` }],
    };
  }
}
