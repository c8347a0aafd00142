/** Roles a person holds inside one organization. Platform admin is a property of the account, not a membership. */
export const ORGANIZATION_ROLES = ["owner", "issuer", "assessor", "employer", "learner"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const ROLE_LABELS: Record<OrganizationRole, string> = {
  owner: "Owner",
  issuer: "Issuer",
  assessor: "Assessor",
  employer: "Employer",
  learner: "Learner",
};

/** What each role may do in its organization. Checked in use cases, never only in routes. */
const PERMISSIONS = {
  "organization:read": ["owner", "issuer", "assessor", "employer", "learner"],
  "organization:write": ["owner"],
  "members:read": ["owner", "issuer", "assessor", "employer"],
  "members:write": ["owner"],
  "api_keys:manage": ["owner"],
  "credentials:issue": ["owner", "issuer"],
  "credentials:read": ["owner", "issuer", "assessor"],
  "keys:manage": ["owner"],
  "workforce:manage": ["owner", "employer"],
  "talent:search": ["owner", "employer"],
  "courses:write": ["owner", "issuer"],
  "enrolments:manage": ["owner", "issuer"],
  "assessments:grade": ["owner", "issuer", "assessor"],
} as const satisfies Record<string, readonly OrganizationRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const roleAllows = (role: OrganizationRole, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly OrganizationRole[]).includes(role);

/** Scopes an organization API key can carry; each maps to the permission it grants. */
export const API_KEY_SCOPES = {
  "organization:read": "Read the organization profile",
  "organization:write": "Edit the organization profile",
  "members:read": "List members and invitations",
  "members:write": "Invite, change and remove members",
  "credentials:issue": "Issue credentials",
  "credentials:read": "Read issued credentials",
} as const;
export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const API_KEY_SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];
