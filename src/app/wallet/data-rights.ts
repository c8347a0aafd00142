import { DomainError } from "../../domain/errors.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { heldDocumentIn } from "./held-document.ts";

const fileName = (name: string, id: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 50) || "credential"
  }-${id.slice(0, 8)}`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Everything Cairn keeps about a learner, as files for an archive: the account, addresses, DID (public part),
 * profile, the wallet with its shares, and every signed credential exactly as held.
 */
export const exportAccountData = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const user = await r.users.findById(userId);
    if (!user) throw new DomainError("not_found", "There is no such account.");
    const [addresses, key, profile, entries, organizations] = await Promise.all([
      r.wallet.emails(userId),
      r.wallet.findKey(userId),
      r.wallet.findProfile(userId),
      r.wallet.list(userId),
      r.organizations.listForUser(userId),
    ]);
    const now = deps.clock();
    const files: Record<string, string> = {};
    const wallet = [];
    for (const entry of entries) {
      const document = await heldDocumentIn(r, entry);
      const base = `credentials/${fileName(entry.display.name, entry.id)}`;
      const path = document ? `${base}.${typeof document.signed === "string" ? "jwt" : "json"}` : undefined;
      if (document && path) {
        files[path] = typeof document.signed === "string" ? `${document.signed}\n` : json(document.signed);
      }
      wallet.push({
        id: entry.id,
        file: path,
        source: entry.awardId ? "awarded through Cairn" : "imported",
        kind: entry.kind,
        status: heldStatus(entry, now),
        display: entry.display,
        hidden: entry.hidden,
        collection: entry.collection,
        addedAt: entry.addedAt,
        importChecks: entry.importChecks,
        shares: await r.wallet.shares(entry.id),
      });
    }
    files["account.json"] = json({
      exportedAt: now,
      name: user.name,
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt,
      createdAt: user.createdAt,
      addresses: addresses.map(({ email, verifiedAt, createdAt }) => ({ email, verifiedAt, createdAt })),
      did: key
        ? { did: key.did, publicKeyMultibase: key.publicKeyMultibase, createdAt: key.createdAt }
        : null,
      profile: profile ?? null,
      organizations: organizations.map((o) => ({ name: o.name, slug: o.slug, role: o.role })),
      learningGoals: (await r.goals.find(userId)) ?? null,
      savedMicroCredentials: await r.goals.savedList(userId),
    });
    files["wallet.json"] = json(wallet);
    await audit(r, { action: "user.data_exported", actor: userActor(userId), subject: userId, at: now });
    return { files, name: user.name };
  });

/**
 * Deletes the account after the password is confirmed. Issued credentials stay with their issuers, verifiable and
 * revocable; the wallet, shares and public pages, addresses, key and profile go with the account. Someone who is the
 * last owner of an organization hands it over first.
 */
export const deleteAccount = (deps: AppDeps, userId: string, password: string) =>
  deps.uow(async (r) => {
    const user = await r.users.findById(userId);
    if (!user) throw new DomainError("not_found", "There is no such account.");
    if (!(await deps.passwords.verify(user.passwordHash, password))) {
      throw new DomainError("validation_failed", "The password is not right.", {
        password: "Enter your current password.",
      });
    }
    for (const organization of await r.organizations.listForUser(userId)) {
      if (organization.role === "owner" && (await r.memberships.countOwners(organization.id)) <= 1) {
        throw new DomainError(
          "last_owner",
          `You are the only owner of ${organization.name}. Make someone else an owner first, then delete your account.`,
        );
      }
    }
    await r.users.delete(userId);
    await audit(r, { action: "user.deleted", subject: userId, at: deps.clock() });
  });
