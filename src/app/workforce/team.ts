import { type GapCell, gapCell, type HeldSkill, type RequiredSkill } from "../../domain/workforce/gap.ts";
import type { Repositories, RoleProfile, WorkforceMember } from "../ports.ts";

export type SharingState = "pending" | "sharing" | "withdrawn";
export const SHARING_LABELS: Record<SharingState, string> = {
  pending: "Invited, not shared yet",
  sharing: "Sharing",
  withdrawn: "Consent withdrawn",
};

export const sharingState = (m: WorkforceMember): SharingState =>
  m.withdrawnAt ? "withdrawn" : m.consentedAt && m.userId ? "sharing" : "pending";

export type TeamPerson = {
  member: WorkforceMember;
  state: SharingState;
  profile: RoleProfile | undefined;
  /** Held skills; empty unless the person shares. */
  held: HeldSkill[];
};

/**
 * An organization's employees with their role profile and, only for those who share now, the skills of their
 * credentials whose Cairn award is active (revocation and suspension apply at once).
 */
export async function loadTeam(r: Repositories, organizationId: string) {
  const [profiles, members] = await Promise.all([
    r.workforce.listProfiles(organizationId),
    r.workforce.listMembers(organizationId),
  ]);
  const sharing = members.filter((m) => sharingState(m) === "sharing");
  const rows = await r.workforce.liveSkillsOf(sharing.flatMap((m) => (m.userId ? [m.userId] : [])));
  const people: TeamPerson[] = members.map((member) => {
    const state = sharingState(member);
    return {
      member,
      state,
      profile: profiles.find((p) => p.id === member.roleProfileId),
      held: state === "sharing" ? rows.filter((row) => row.userId === member.userId) : [],
    };
  });
  return { profiles, people };
}

/** The matrix's columns: every skill of every role profile, once, in profile order. */
export function columnsOf(profiles: readonly RoleProfile[]): RequiredSkill[] {
  const columns = new Map<string, RequiredSkill>();
  for (const profile of profiles) {
    for (const skill of profile.skills) if (!columns.has(skill.skillKey)) columns.set(skill.skillKey, skill);
  }
  return [...columns.values()];
}

/** A sharing person's cell for a column; undefined when their role does not require the skill. */
export function cellFor(
  person: TeamPerson,
  skillKey: string,
  at: Date,
): (GapCell & { minLevel: number | null }) | undefined {
  const required = person.profile?.skills.find((s) => s.skillKey === skillKey);
  if (!required || person.state !== "sharing") return undefined;
  return { ...gapCell(required, person.held, at), minLevel: required.minLevel };
}
