import { DomainError } from "../../domain/errors.ts";
import { CLR_CONTEXTS } from "../../domain/open-badges/clr-contexts.ts";
import { subjectOf } from "../../domain/wallet/credential-display.ts";
import type { AppDeps } from "../ports.ts";
import { heldDocumentIn } from "./held-document.ts";
import { learnerKeyIn, learnerSigningKey } from "./learner-did.ts";

/**
 * A CLR 2.0 of everything the learner holds that a CLR can carry: each Open Badges 3.0 credential exactly as signed
 * (Data Integrity; a VC-JWT has no JSON-LD form to nest) and its achievement, assembled and signed by the learner's
 * did:key. Every nested credential still verifies on its own, against its issuer.
 */
export const learnerClr = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const [user, key] = await Promise.all([r.users.findById(userId), learnerKeyIn(deps, r, userId)]);
    if (!user) throw new DomainError("not_found", "There is no such account.");
    const entries = (await r.wallet.list(userId)).filter((e) => e.kind === "ob3" && e.format === "ldp");
    const documents = await Promise.all(entries.map((entry) => heldDocumentIn(r, entry)));
    const credentials = documents.flatMap((d) => (d && typeof d.signed === "object" ? [d.signed] : []));
    if (credentials.length === 0) {
      throw new DomainError(
        "not_found",
        "There is no Open Badges 3.0 credential to put in a learner record yet.",
      );
    }
    const achievements = credentials.flatMap((credential) => {
      const achievement = subjectOf(credential)?.achievement;
      return typeof achievement === "object" && achievement !== null ? [achievement] : [];
    });
    const now = deps.clock();
    const clr = {
      "@context": CLR_CONTEXTS,
      id: `urn:uuid:${deps.newId()}`,
      type: ["VerifiableCredential", "ClrCredential"],
      name: `Comprehensive Learner Record of ${user.name}`,
      description: `Every Open Badges 3.0 credential ${user.name} holds in Cairn, each as its issuer signed it.`,
      issuer: { id: key.did, type: ["Profile"], name: user.name },
      validFrom: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      credentialSubject: {
        id: key.did,
        type: ["ClrSubject"],
        verifiableCredential: credentials,
        achievement: achievements,
      },
    };
    return deps.credentials.sign(clr, learnerSigningKey(deps, key), "ldp", now);
  });
