import { type ParsedInput, parseInput } from "./parse-input.ts";
import {
  asArray,
  type Check,
  failed,
  isRecord,
  type JsonRecord,
  passed,
  skipped,
  type VerificationResult,
  type VerifyDeps,
} from "./types.ts";

/** How deep records may nest: a CLR's credentials are level 1, those of a CLR inside it level 2. */
export const MAX_NESTING_DEPTH = 2;
/** Most nested credentials verified in one verification, all levels together. */
export const MAX_NESTED_CREDENTIALS = 200;

const ENVELOPED_JWT_PREFIX = "data:application/vc+jwt,";

/** Where a record sits: its level (the outer record is 0) and the nested credentials still allowed. */
export type Nesting = { depth: number; budget: { remaining: number } };

export function outerNesting(): Nesting {
  return { depth: 0, budget: { remaining: MAX_NESTED_CREDENTIALS } };
}

export type NestedOutcome = { check: Check; credentials: VerificationResult[] };

/**
 * Verifies each credential a CLR carries in `credentialSubject.verifiableCredential` (JSON-LD objects,
 * VC-JWT strings, EnvelopedVerifiableCredential objects), in order, and sums them up as one "nested" check.
 */
export async function verifyNestedCredentials(
  credential: JsonRecord,
  nesting: Nesting,
  deps: VerifyDeps,
  verifyItem: (item: ParsedInput, nesting: Nesting) => Promise<VerificationResult>,
): Promise<NestedOutcome> {
  const subject = credential.credentialSubject;
  const items = isRecord(subject) ? asArray(subject.verifiableCredential) : [];
  if (items.length === 0)
    return { check: skipped("nested", "The record carries no nested credential."), credentials: [] };
  if (nesting.depth >= MAX_NESTING_DEPTH) {
    return {
      check: failed(
        "nested",
        `Credentials nested more than ${MAX_NESTING_DEPTH} levels deep are not verified.`,
      ),
      credentials: [],
    };
  }
  if (items.length > nesting.budget.remaining) {
    return {
      check: failed(
        "nested",
        `The record carries ${items.length} nested credential(s); at most ${MAX_NESTED_CREDENTIALS} are verified in all.`,
      ),
      credentials: [],
    };
  }
  nesting.budget.remaining -= items.length;
  const inner: Nesting = { depth: nesting.depth + 1, budget: nesting.budget };
  const credentials: VerificationResult[] = [];
  for (const item of items) credentials.push(await verifyItem(nestedInput(item, deps), inner));
  return { check: summarize(credentials), credentials };
}

/** A nested item as the pipeline's input: objects are JSON-LD credentials, strings VC-JWTs. */
function nestedInput(item: unknown, deps: VerifyDeps): ParsedInput {
  if (isRecord(item) && asArray(item.type).includes("EnvelopedVerifiableCredential")) {
    const id = typeof item.id === "string" ? item.id : "";
    if (!id.startsWith(ENVELOPED_JWT_PREFIX)) {
      return {
        kind: "error",
        message: `Enveloped credential of an unsupported kind (expected an id "${ENVELOPED_JWT_PREFIX}…").`,
      };
    }
    const parsed = parseInput(id.slice(ENVELOPED_JWT_PREFIX.length), deps);
    return parsed.kind === "jwt" || parsed.kind === "error"
      ? parsed
      : { kind: "error", message: "The enveloped credential is not a VC-JWT." };
  }
  if (!isRecord(item) && typeof item !== "string")
    return { kind: "error", message: "Not a credential: neither a JSON object nor a VC-JWT." };
  const parsed = parseInput(item, deps);
  return parsed.kind === "presentation"
    ? { kind: "error", message: "A presentation cannot be nested inside a credential." }
    : parsed;
}

function summarize(credentials: VerificationResult[]): Check {
  const total = credentials.length;
  const failures = credentials.filter((result) => !result.verified);
  const first = failures[0];
  if (!first) return passed("nested", `All ${total} nested credential(s) verified.`);
  const index = credentials.indexOf(first);
  const reason = first.checks.find((check) => check.status === "failed")?.message ?? "not verified.";
  return failed(
    "nested",
    `${failures.length} of ${total} nested credential(s) failed: ${labelOf(first, index)}: ${reason}`,
  );
}

/** The name of a nested credential, else its id, else its place in the list. */
function labelOf(result: VerificationResult, index: number): string {
  const summary = result.credential;
  return summary?.name ?? summary?.id ?? summary?.achievement?.name ?? `nested credential ${index + 1}`;
}
