import { DomainError } from "../../domain/errors.ts";
import { heldStatus } from "../../domain/wallet/types.ts";
import { audit, userActor } from "../audit.ts";
import type { AppDeps } from "../ports.ts";

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export const getOwnProfile = (deps: AppDeps, userId: string) => deps.uow((r) => r.wallet.findProfile(userId));

/** Saves the learner's public profile settings: a unique handle, a headline, and whether it is published. */
export const saveOwnProfile = (
  deps: AppDeps,
  userId: string,
  input: { handle: string; headline: string; enabled: boolean },
) =>
  deps.uow(async (r) => {
    const handle = input.handle.trim().toLowerCase();
    if (!HANDLE.test(handle)) {
      throw new DomainError("validation_failed", "Choose another handle.", {
        handle: "Use 3–40 lower-case letters, digits and hyphens, not starting or ending with a hyphen.",
      });
    }
    const headline = input.headline.trim();
    if (headline.length > 140) {
      throw new DomainError("validation_failed", "The headline is too long.", {
        headline: "Use at most 140 characters.",
      });
    }
    const taken = await r.wallet.findProfileByHandle(handle);
    if (taken && taken.userId !== userId) {
      throw new DomainError("handle_taken", "That handle is taken.", {
        handle: "Someone else has this handle.",
      });
    }
    const now = deps.clock();
    await r.wallet.saveProfile({
      userId,
      handle,
      headline: headline || null,
      enabled: input.enabled,
      updatedAt: now,
    });
    await audit(r, {
      action: "user.profile_saved",
      actor: userActor(userId),
      data: { enabled: input.enabled },
      at: now,
    });
    return handle;
  });

/**
 * A published profile: the learner's name and headline, the credentials they made public (as of now), and the
 * skills those credentials carry. An unpublished or unknown handle is not found.
 */
export const openProfile = (deps: AppDeps, handle: string) =>
  deps.uow(async (r) => {
    const profile = await r.wallet.findProfileByHandle(handle.toLowerCase());
    const user = profile?.enabled ? await r.users.findById(profile.userId) : undefined;
    if (!profile || !user) throw new DomainError("not_found", "There is no public profile at this address.");
    const now = deps.clock();
    const shared = (await r.wallet.publicEntries(user.id, now)).map(({ share, entry }) => ({
      shareId: share.id,
      entry,
      held: heldStatus(entry, now),
    }));
    const skills = [
      ...new Set(
        shared
          .filter((s) => s.held === "valid" && s.entry.subjectMatches !== false)
          .flatMap((s) => s.entry.display.skills ?? []),
      ),
    ].sort();
    return { profile, name: user.name, shared, skills };
  });
