import { checkFormat, isClrCredential } from "./format-check.ts";
import { checkIssuer } from "./issuer-check.ts";
import { createKeyResolver, type KeyResolver } from "./key-resolver.ts";
import { type ParsedInput, parseInput } from "./parse-input.ts";
import { checkDataIntegrityProofs, checkJwtProof, verificationLoader } from "./proof-check.ts";
import { checkStatus, type ListVerifier } from "./status-check.ts";
import { summarize } from "./summary.ts";
import {
  type Check,
  type CheckId,
  errorMessage,
  failed,
  type JsonRecord,
  skipped,
  type VerificationResult,
  type VerifyDeps,
} from "./types.ts";
import { checkValidity } from "./validity-check.ts";
import { type Nesting, outerNesting, verifyNestedCredentials } from "./verify-nested.ts";
import { verifyPresentation } from "./verify-presentation.ts";

const CHECK_ORDER: CheckId[] = ["format", "proof", "issuer", "validity", "status"];

export type CredentialInput = Extract<ParsedInput, { kind: "ldp" | "jwt" }>;

/**
 * Verifies a credential or presentation given as JSON text or object, a VC-JWT, or baked PNG/SVG bytes.
 * Never throws: every problem becomes a failed check, in the fixed order format, proof, issuer, validity, status;
 * a CLR 2.0 adds "nested": each credential it carries is verified the same way (results in `credentials`).
 */
export async function verifyCredential(input: unknown, deps: VerifyDeps): Promise<VerificationResult> {
  try {
    const parsed = parseInput(input, deps);
    if (parsed.kind === "error") return rejected(parsed.message);
    const resolveKey = createKeyResolver(deps);
    const nesting = outerNesting();
    if (parsed.kind === "presentation") {
      return await verifyPresentation(parsed.presentation, deps, resolveKey, (item) =>
        verifyOne(parseInput(item, deps), deps, resolveKey, nesting),
      );
    }
    return await verifyOne(parsed, deps, resolveKey, nesting);
  } catch (error) {
    return rejected(`Unexpected verification error: ${errorMessage(error)}`);
  }
}

async function verifyOne(
  parsed: ParsedInput,
  deps: VerifyDeps,
  resolveKey: KeyResolver,
  nesting: Nesting,
): Promise<VerificationResult> {
  if (parsed.kind === "error") return rejected(parsed.message);
  if (parsed.kind === "presentation")
    return rejected("A presentation cannot be nested inside a presentation.");
  const checks = await runChecks(parsed, deps, resolveKey, true);
  let credentials: VerificationResult[] | undefined;
  if (isClrCredential(parsed.credential)) {
    if (checks.some((check) => check.id === "format" && check.status === "failed")) {
      checks.push(skipped("nested", "Not checked: the credential is malformed."));
    } else {
      const nested = await verifyNestedCredentials(parsed.credential, nesting, deps, (item, inner) =>
        verifyOne(item, deps, resolveKey, inner),
      );
      checks.push(nested.check);
      credentials = nested.credentials;
    }
  }
  return {
    verified: checks.every((check) => check.status !== "failed"),
    checks,
    credential: summarize(parsed.credential, parsed.kind),
    ...(credentials ? { credentials } : {}),
  };
}

async function runChecks(
  parsed: CredentialInput,
  deps: VerifyDeps,
  resolveKey: KeyResolver,
  withStatus: boolean,
): Promise<Check[]> {
  const { credential } = parsed;
  const checks: Check[] = [];
  if (withStatus) {
    const format = checkFormat(credential, parsed.kind, deps);
    checks.push(format);
    if (format.status === "failed") return completeWith(checks, "Not checked: the credential is malformed.");
  }
  const proof =
    parsed.kind === "jwt"
      ? await checkJwtProof(parsed.jwt, parsed.header, parsed.payload, credential, resolveKey)
      : await checkDataIntegrityProofs(
          credential,
          verificationLoader(deps, resolveKey),
          deps.createVerifySuite,
        );
  checks.push(proof.check);
  checks.push(await checkIssuer(credential, proof.keyIds, proof.embeddedJwk, resolveKey, deps));
  checks.push(checkValidity(credential, deps, parsed.kind === "jwt" ? parsed.payload : undefined));
  if (withStatus) checks.push(await checkStatus(credential, deps, statusListVerifier(deps, resolveKey)));
  return checks;
}

/** Status lists are credentials too: their proof, issuer key and validity are checked (not their own status). */
function statusListVerifier(deps: VerifyDeps, resolveKey: KeyResolver): ListVerifier {
  return async (list) => {
    const parsed = parseInput(list, deps);
    if (parsed.kind !== "ldp" && parsed.kind !== "jwt") return { problem: "not a credential" };
    const problems = (await runChecks(parsed, deps, resolveKey, false)).filter(
      (check) => check.status === "failed",
    );
    if (problems.length > 0)
      return { problem: problems.map((check) => `${check.id}: ${check.message}`).join("; ") };
    return { credential: parsed.credential };
  };
}

function completeWith(checks: Check[], message: string): Check[] {
  const present = new Set(checks.map((check) => check.id));
  return [...checks, ...CHECK_ORDER.filter((id) => !present.has(id)).map((id) => skipped(id, message))];
}

function rejected(message: string): VerificationResult {
  return {
    verified: false,
    checks: completeWith([failed("format", message)], "Not checked: the input was rejected."),
  };
}

export type { JsonRecord };
