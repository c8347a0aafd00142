import type { OrganizationRole } from "../../domain/roles.ts";
import { roleAllows } from "../../domain/roles.ts";
import type { Organization } from "../../domain/types.ts";

type Tab =
  | "overview"
  | "achievements"
  | "awards"
  | "members"
  | "settings"
  | "api-keys"
  | "skills"
  | "images"
  | "audit"
  | "accreditation"
  | "analytics"
  | "workforce"
  | "talent"
  | "learning"
  | "assessments";

export function OrganizationTabs(props: {
  organization: Organization;
  memberRole: OrganizationRole | undefined;
  current: Tab;
}) {
  const { organization: o, memberRole: role, current } = props;
  const tabs: [Tab, string, string, boolean][] = [
    ["overview", "Overview", `/orgs/${o.slug}`, true],
    [
      "achievements",
      "Micro-credentials",
      `/orgs/${o.slug}/achievements`,
      !role || roleAllows(role, "credentials:read"),
    ],
    [
      "learning",
      "Learning paths",
      `/orgs/${o.slug}/learning`,
      !!role && roleAllows(role, "assessments:grade"),
    ],
    ["awards", "Awards", `/orgs/${o.slug}/awards`, !role || roleAllows(role, "credentials:read")],
    [
      "assessments",
      "Assessments",
      `/orgs/${o.slug}/assessments`,
      !!role && roleAllows(role, "assessments:grade"),
    ],
    ["analytics", "Analytics", `/orgs/${o.slug}/analytics`, !role || roleAllows(role, "credentials:read")],
    ["members", "Members", `/orgs/${o.slug}/members`, !role || roleAllows(role, "members:read")],
    ["talent", "Talent search", `/orgs/${o.slug}/talent`, !!role && roleAllows(role, "talent:search")],
    ["skills", "Skills", `/orgs/${o.slug}/skills`, true],
    ["images", "Badge images", `/orgs/${o.slug}/images`, !role || roleAllows(role, "credentials:issue")],
    ["workforce", "Workforce", `/orgs/${o.slug}/workforce`, !!role && roleAllows(role, "workforce:manage")],
    ["settings", "Settings", `/orgs/${o.slug}/settings`, role === "owner"],
    ["api-keys", "API keys", `/orgs/${o.slug}/api-keys`, role === "owner"],
    ["audit", "Audit log", `/orgs/${o.slug}/audit`, role === "owner"],
    [
      "accreditation",
      "Accreditation",
      `/orgs/${o.slug}/accreditations`,
      o.accreditorSince !== null && (!role || roleAllows(role, "credentials:read")),
    ],
  ];
  return (
    <>
      <h1>{o.name}</h1>
      <nav aria-label={`${o.name} sections`} class="tabs">
        <ul>
          {tabs
            .filter(([, , , visible]) => visible)
            .map(([id, label, href]) => (
              <li>
                <a href={href} aria-current={id === current ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </>
  );
}
