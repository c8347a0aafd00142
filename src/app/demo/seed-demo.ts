import type { OrganizationRole } from "../../domain/roles.ts";
import type { Organization, User } from "../../domain/types.ts";
import { audit } from "../audit.ts";
import type { AppDeps } from "../ports.ts";
import { NEW_DEMO_LEARNERS } from "./demo-earning-cohort.ts";
import { optInDemoLearnersIn } from "./demo-talent.ts";
import { seedDemoWorkforce } from "./demo-workforce.ts";

export const DEMO_PASSWORD = "cairn-demo-password";

const PEOPLE: {
  name: string;
  email: string;
  role: OrganizationRole | null;
  admin?: boolean;
  label?: string;
}[] = [
  { name: "Ada Admin", email: "admin@cairn.test", role: null, admin: true },
  { name: "Olivia Owens", email: "owner@northfield.test", role: "owner" },
  { name: "Ivan Isaksen", email: "issuer@northfield.test", role: "issuer" },
  { name: "Asha Adeyemi", email: "assessor@northfield.test", role: "assessor" },
  { name: "Lena Lindqvist", email: "lena@learner.test", role: "learner" },
  { name: "Luis Llorente", email: "luis@learner.test", role: "learner" },
  // Learners of the "Accessible Dashboards" path only (no membership: enrolling needs none).
  ...NEW_DEMO_LEARNERS.map((l) => ({
    name: l.name,
    email: l.email,
    role: null,
    label: "Accessible Dashboards path learner",
  })),
  {
    name: "Emma Engel",
    email: "emma@employer.test",
    role: null,
    label: "owner of Northwind Logistics (workforce)",
  },
  {
    name: "Quinn Quarshie",
    email: "quinn@quality.test",
    role: null,
    label: "owner of the Quality Agency for Micro-credentials (accreditor)",
  },
];

const ORGANIZATION = {
  slug: "northfield",
  name: "Northfield University",
  website: "https://www.northfield.test",
  contactEmail: "credentials@northfield.test",
  country: "NL",
  region: "Utrecht",
  description:
    "A public university offering stackable micro-credentials in data literacy, sustainability and teaching, each worth 1–5 ECTS.",
};

export type DemoAccount = { name: string; email: string; role: string };

/** Seeds (or refreshes) a demo organization with staff and learners who can sign in with DEMO_PASSWORD. */
export async function seedDemo(
  deps: AppDeps,
): Promise<{ organization: Organization; accounts: DemoAccount[] }> {
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  return deps.uow(async (r) => {
    const now = deps.clock();
    let organization = await r.organizations.findBySlug(ORGANIZATION.slug);
    if (!organization) {
      organization = {
        id: deps.newId(),
        ...ORGANIZATION,
        hasLogo: false,
        accreditorSince: null,
        credentialFormat: "ldp",
        createdAt: now,
        updatedAt: now,
      };
      await r.organizations.insert(organization);
    }
    const accounts: DemoAccount[] = [];
    const learners: User[] = [];
    for (const person of PEOPLE) {
      let user: User | undefined = await r.users.findByEmail(person.email);
      if (!user) {
        user = {
          id: deps.newId(),
          email: person.email,
          name: person.name,
          passwordHash,
          emailVerifiedAt: now,
          isPlatformAdmin: !!person.admin,
          createdAt: now,
        };
        await r.users.insert(user);
      } else {
        await r.users.update(user.id, { passwordHash });
      }
      if (person.role && !(await r.memberships.find(organization.id, user.id))) {
        await r.memberships.insert({
          organizationId: organization.id,
          userId: user.id,
          role: person.role,
          createdAt: now,
        });
      }
      if (person.role === "learner") learners.push(user);
      accounts.push({
        name: person.name,
        email: person.email,
        role: person.admin
          ? "platform admin"
          : person.role
            ? `${person.role} at ${organization.name}`
            : (person.label ?? ""),
      });
    }
    await seedDemoWorkforce(
      deps,
      r,
      "emma@employer.test",
      learners.map((l) => l.email),
    );
    await optInDemoLearnersIn(r, learners, now);
    await audit(r, { action: "demo.seeded", organizationId: organization.id, at: now });
    return { organization, accounts };
  });
}
