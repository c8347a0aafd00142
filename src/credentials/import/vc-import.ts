import { importClr } from "./clr.ts";
import { typesOf } from "./fields.ts";
import { safeVerify, type VcOriginal } from "./safe-verify.ts";
import type { ImportDeps, ImportResult } from "./types.ts";
import { vcDisplay } from "./vc-display.ts";

/** An OB 3.0 credential (or, by its type, a CLR 2.0 one), JSON-LD or VC-JWT: Cairn's verifier decides. */
export async function importVc(
  vc: VcOriginal,
  format: "ldp" | "jwt",
  deps: ImportDeps,
): Promise<ImportResult> {
  if (typesOf(vc.credential.type).includes("ClrCredential")) return importClr(vc, format, deps);
  const result = await safeVerify(deps, vc.original);
  return {
    ok: true,
    kind: "ob3",
    format,
    verified: result.verified,
    checks: result.checks.map((check) => ({ ...check })),
    original: vc.original,
    display: vcDisplay(vc.credential, result.credential),
  };
}
