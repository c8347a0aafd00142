import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAwardStatus } from "../src/app/awards/lifecycle/change-award-status.ts";
import { refreshTalentSkillsIn } from "../src/app/talent/talent-index.ts";
import type { Actor } from "../src/domain/types.ts";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, browserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
let now = new Date("2026-11-23T10:00:00Z");
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => now });
});
afterAll(() => ctx.close());

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
type Skill = { name: string; code?: string };

/** An organization (its owner signed in) with a published micro-credential aligned to these skills. */
async function issuer(name: string, skills: Skill[], eqfLevel = "4") {
  const n = ++counter;
  const ownerEmail = `talent-issuer-${n}@example.org`;
  const owner = await signedUp(ctx.app, { email: ownerEmail });
  const slug = `talent-issuer-${n}`;
  await owner.submit("/orgs", { name: `${name} ${n}`, slug });
  const fields: Record<string, string> = {
    name: `${name} Certificate`,
    description: `${name}, assessed in practice.`,
    criteria: "Pass a supervised practical.",
    learningOutcomes: "Do the work safely",
    workloadHours: "30",
    ects: "1",
    eqfLevel,
    assessmentType: "practical",
    participationForm: "onsite",
    qualityAssurance: "Two certified assessors.",
  };
  skills.forEach((s, i) => {
    fields[`skill${i}Name`] = s.name;
    fields[`skill${i}Code`] = s.code ?? "";
    fields[`skill${i}Framework`] = s.code ? "ESCO" : "";
    fields[`skill${i}Url`] = `https://skills.example.org/${encodeURIComponent(s.name)}`;
  });
  const created = await owner.submit(`/orgs/${slug}/achievements`, fields);
  const id = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
  const award = async (recipient: string, extra: Record<string, string> = {}) => {
    const response = await owner.submit(`/orgs/${slug}/achievements/${id}/award`, {
      nonce: `${recipient}-${n}-${Math.random()}`,
      recipient,
      recipientName: "Learner",
      notify: "yes",
      ...extra,
    });
    expect(response.status).toBe(303);
    return response.headers.get("location")?.split("/").at(-1) ?? "";
  };
  const user = await ctx.deps.uow((r) => r.users.findByEmail(ownerEmail));
  const actor: Actor = { kind: "user", userId: user?.id ?? "", isPlatformAdmin: false };
  return { owner, slug, award, actor, name: `${name} ${n}` };
}

/** A learner who claims what was awarded to their address, and (unless told not to) opts in to talent search. */
async function learner(address: string, name: string, optIn = true) {
  const claim = linkIn((await mailTo(ctx, address, /awarded you/)).text, "/claim/");
  const client = await signedUp(ctx.app, { email: address, name });
  expect((await client.submit(claim, {})).status).toBe(303);
  if (optIn) {
    const saved = await client.submit("/account/talent", {
      headline: `${name} the welder`,
      location: "Rotterdam",
    });
    expect(saved.status).toBe(303);
  }
  return client;
}

/** An organization that searches, with its owner. */
async function employer() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `talent-employer-${n}@example.org` });
  const slug = `talent-employer-${n}`;
  expect((await owner.submit("/orgs", { name: `Hiring Co ${n}`, slug })).status).toBe(303);
  return { owner, slug };
}

async function member(owner: BrowserClient, slug: string, role: string) {
  const email = `talent-${role}-${++counter}@example.org`;
  expect((await owner.submit(`/orgs/${slug}/invitations`, { email, role })).status).toBe(303);
  const link = linkIn((await mailTo(ctx, email, /invited you to join/)).text, "/invitations/");
  const client = await signedUp(ctx.app, { email, name: `Erin ${role}` });
  expect((await client.submit(link, {})).status).toBe(303);
  return { client, email };
}

const search = async (client: BrowserClient, slug: string, query: string) => {
  const response = await client.get(`/orgs/${slug}/talent?${query}`);
  expect(response.status).toBe(200);
  return response.text();
};
const candidateId = (html: string, name: string) =>
  new RegExp(`/talent/candidates/([0-9a-f-]{36})[^"]*">${name}<`).exec(html)?.[1] ?? "";
const candidateIds = (html: string) =>
  [...html.matchAll(/\/talent\/candidates\/([0-9a-f-]{36})/g)].map((m) => m[1] ?? "");

describe("talent search", () => {
  it("finds only learners who opted in, by framework code or skill words, with evidence and never an email", async () => {
    const welding = await issuer("Harbour Welding", [
      { name: "Underwater welding", code: "esco:UW-17" },
      { name: "Rigging safety" },
    ]);
    const ana = `ana-${counter}@learner.test`;
    const ben = `ben-${counter}@learner.test`;
    await welding.award(ana, { narrative: "Welded a test plate at 12 m depth." });
    await welding.award(ben);
    await learner(ana, "Ana Alves");
    const benClient = await learner(ben, "Ben Bakker", false);
    const { owner, slug } = await employer();

    let html = await search(owner, slug, "skill=ESCO%3Auw-17");
    expect(html).toContain("Ana Alves");
    expect(html).toContain("Ana Alves the welder · Rotterdam");
    expect(html).toContain("Welded a test plate at 12 m depth.");
    expect(html).toContain(welding.name);
    expect(html).not.toContain("Ben Bakker");
    expect(html).not.toContain(ana);
    expect(html).toContain("Showing 1–1 of 1 person.");
    for (const words of ["welding", "Rigging", "rigging%20safety"]) {
      expect(await search(owner, slug, `skill=${words}`)).toContain("Ana Alves");
    }
    expect(await search(owner, slug, "skill=plumbing")).toContain("No one matches.");

    // The learner sees what employers see.
    const own = await (await benClient.get("/account/talent")).text();
    expect(own).toContain("You cannot be found");
    expect((await benClient.submit("/account/talent", { headline: "", location: "" })).status).toBe(303);
    expect(await (await benClient.get("/account/talent")).text()).toContain("Underwater welding");
    html = await search(owner, slug, "skill=underwater%20welding&limit=1");
    expect(html).toContain("Showing 1–1 of 2 people.");
    expect(html).toContain("offset=1");
    expect(
      candidateIds(await search(owner, slug, "skill=underwater%20welding&limit=1&offset=1")),
    ).toHaveLength(1);
    const audits = await ctx.database.executeSql(
      "SELECT action FROM audit_events WHERE action LIKE 'talent.%' ORDER BY id",
    );
    expect(audits.rows.map((r) => r.action)).toContain("talent.opted_in");
  });

  it("filters by issuer, level, recency, micro-credential and accredited issuers", async () => {
    const delta = await issuer("Delta Academy", [{ name: "Forklift operation" }], "3");
    const polder = await issuer("Polder College", [{ name: "Forklift operation" }], "6");
    const carla = `carla-${counter}@learner.test`;
    const dan = `dan-${counter}@learner.test`;
    await delta.award(carla, { issuedOn: "2024-02-01" });
    await polder.award(dan);
    await learner(carla, "Carla Costa");
    await learner(dan, "Dan Dekker");
    const { owner, slug } = await employer();
    const names = async (query: string) => {
      const html = await search(owner, slug, `skill=forklift&${query}`);
      return ["Carla Costa", "Dan Dekker"].filter((n) => html.includes(n));
    };
    expect(await names("")).toEqual(["Carla Costa", "Dan Dekker"]);
    expect(await names("level=5")).toEqual(["Dan Dekker"]);
    expect(await names("months=12")).toEqual(["Dan Dekker"]);
    expect(await names("issuer=delta%20academy")).toEqual(["Carla Costa"]);
    const polderDid = ctx.deps.credentials.organizationDid(polder.slug);
    expect(await names(`issuer=${encodeURIComponent(polderDid)}`)).toEqual(["Dan Dekker"]);
    expect(await names("achievement=Delta%20Academy%20Certificate")).toEqual(["Carla Costa"]);
    expect(await names("accredited=yes")).toEqual([]);
    // No accreditation use case exists on this branch yet: the accreditor's endorsement is written directly.
    const ids = async (s: string) =>
      (await ctx.database.executeSql("SELECT id FROM organizations WHERE slug = $1", [s])).rows[0]?.id;
    const [polderId, accreditorId] = [await ids(polder.slug), await ids(delta.slug)];
    const credential = (
      await ctx.database.executeSql("SELECT id FROM issued_credentials WHERE organization_id = $1 LIMIT 1", [
        accreditorId,
      ])
    ).rows[0]?.id;
    await ctx.database.executeSql(
      `INSERT INTO accreditations (id, accreditor_id, issuer_id, criteria, comment, credential_id, valid_from, valid_until, created_at)
       VALUES (gen_random_uuid(), $1, $2, '[]'::jsonb, 'test endorsement', $3, $4, $5, $4)`,
      [
        accreditorId,
        polderId,
        credential,
        new Date(now.getTime() - DAY),
        new Date(now.getTime() + 365 * DAY),
      ],
    );
    expect(await names("accredited=yes")).toEqual(["Dan Dekker"]);
    await ctx.database.executeSql("UPDATE accreditations SET withdrawn_at = $1 WHERE issuer_id = $2", [
      now,
      polderId,
    ]);
    expect(await names("accredited=yes")).toEqual([]);
    const invalid = await owner.get(`/orgs/${slug}/talent?skill=forklift&level=12`);
    expect(await invalid.text()).toContain("Choose an EQF level from 1 to 8.");
  });

  it("drops revoked and expired credentials, and a learner who withdraws, at once", async () => {
    const crane = await issuer("Crane School", [{ name: "Crane signalling" }]);
    const eva = `eva-${counter}@learner.test`;
    const fay = `fay-${counter}@learner.test`;
    const gus = `gus-${counter}@learner.test`;
    await crane.award(eva, { validUntil: "2026-11-24" });
    const fayAward = await crane.award(fay);
    await crane.award(gus);
    await learner(eva, "Eva Evers");
    await learner(fay, "Fay Fischer");
    const gusClient = await learner(gus, "Gus Groen");
    const { owner, slug } = await employer();
    const names = async () => {
      const html = await search(owner, slug, "skill=crane%20signalling");
      return ["Eva Evers", "Fay Fischer", "Gus Groen"].filter((n) => html.includes(n));
    };
    expect(await names()).toEqual(["Eva Evers", "Fay Fischer", "Gus Groen"]);

    await changeAwardStatus(ctx.deps, crane.actor, crane.slug, {
      action: "revoke",
      reason: "Assessment irregularity",
      awardIds: [fayAward],
    });
    expect(await names()).toEqual(["Eva Evers", "Gus Groen"]);

    const gusId = candidateId(await search(owner, slug, "skill=crane%20signalling"), "Gus Groen");
    expect(gusId).not.toBe("");
    expect((await gusClient.submit("/account/talent/withdraw", {})).status).toBe(303);
    expect(await names()).toEqual(["Eva Evers"]);
    const rows = await ctx.database.executeSql(
      "SELECT count(*)::int AS n FROM talent_skills ts JOIN users u ON u.id = ts.user_id WHERE u.email = $1",
      [gus],
    );
    expect(rows.rows[0]?.n).toBe(0);
    expect(await (await gusClient.get("/account/talent")).text()).toContain("You cannot be found");
    const contact = await owner.submit(`/orgs/${slug}/talent/candidates/${gusId}/contact`, {
      subject: "A crane job",
      message: "We would like to talk to you about a crane job in the port.",
    });
    expect(contact.status).toBe(409);
    expect(await contact.text()).toContain("withdrawn");
    expect((await owner.get(`/orgs/${slug}/talent/candidates/${gusId}`)).status).toBe(409);

    const saved = now;
    now = new Date(saved.getTime() + 2 * DAY);
    try {
      expect(await names()).toEqual([]);
    } finally {
      now = saved;
    }
  });

  it("lets only owners and employers of the organization search", async () => {
    const { owner, slug } = await employer();
    const hired = await member(owner, slug, "employer");
    expect((await hired.client.get(`/orgs/${slug}/talent?skill=anything`)).status).toBe(200);
    expect(await (await hired.client.get(`/orgs/${slug}`)).text()).toContain("Talent search");
    const issuerMember = await member(owner, slug, "issuer");
    expect((await issuerMember.client.get(`/orgs/${slug}/talent?skill=anything`)).status).toBe(403);
    expect((await issuerMember.client.get(`/orgs/${slug}/talent/contacts`)).status).toBe(403);
    const other = await employer();
    expect((await other.owner.get(`/orgs/${slug}/talent?skill=anything`)).status).toBe(404);
    expect((await other.owner.get(`/orgs/${slug}/talent/contacts`)).status).toBe(404);
    const anonymous = browserClient(ctx.app);
    expect((await anonymous.get(`/orgs/${slug}/talent`)).status).toBe(303);
  });

  it("relays a message, keeping the learner's address hidden until they accept", async () => {
    const school = await issuer("Survey School", [{ name: "Hydrographic survey", code: "esco:HS-2" }]);
    const hana = `hana-${counter}@learner.test`;
    const ivo = `ivo-${counter}@learner.test`;
    await school.award(hana);
    await school.award(ivo);
    const hanaClient = await learner(hana, "Hana Hoek");
    const ivoClient = await learner(ivo, "Ivo Ising");
    const { owner, slug } = await employer();
    const recruiter = await member(owner, slug, "employer");
    const html = await search(recruiter.client, slug, "skill=esco%3AHS-2");
    const [hanaId, ivoId] = [candidateId(html, "Hana Hoek"), candidateId(html, "Ivo Ising")];
    expect(candidateIds(html).sort()).toEqual([hanaId, ivoId].sort());
    const page = await (await recruiter.client.get(`/orgs/${slug}/talent/candidates/${hanaId}`)).text();
    expect(page).toContain("Hydrographic survey");
    expect(page).not.toContain(hana);

    const invalid = await recruiter.client.submit(`/orgs/${slug}/talent/candidates/${hanaId}/contact`, {
      subject: "",
      message: "Hi",
    });
    expect(invalid.status).toBe(422);
    const message = {
      subject: "Survey role in Delft",
      message: "We saw your hydrographic survey credential and would like to talk about a role.",
    };
    // A double submit: both requests at once, exactly one message (the learner's profile row serializes them).
    const [first, second] = await Promise.all([
      recruiter.client.submit(`/orgs/${slug}/talent/candidates/${hanaId}/contact`, message),
      recruiter.client.submit(`/orgs/${slug}/talent/candidates/${hanaId}/contact`, message),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 409]);
    const sent = first.status === 303 ? first : second;
    expect(sent.status).toBe(303);
    const again = await recruiter.client.submit(`/orgs/${slug}/talent/candidates/${hanaId}/contact`, message);
    expect(again.status).toBe(409);
    const notice = await mailTo(ctx, hana, /would like to contact you/);
    expect(notice.text).toContain("/account/talent");
    expect(notice.text).not.toContain(recruiter.email);
    let contacts = await (await recruiter.client.get(`/orgs/${slug}/talent/contacts`)).text();
    expect(contacts).toContain("Waiting for an answer");
    expect(contacts).not.toContain(hana);

    const inbox = await (await hanaClient.get("/account/talent")).text();
    expect(inbox).toContain("Survey role in Delft");
    expect(inbox).toContain(`Hiring Co`);
    const contactId = /id="contact-([0-9a-f-]{36})"/.exec(inbox)?.[1] ?? "";
    // Another learner cannot answer it; an accept needs a reply.
    expect(
      (
        await ivoClient.submit(`/account/talent/contacts/${contactId}/answer`, {
          answer: "accept",
          reply: "Hi",
        })
      ).status,
    ).toBe(404);
    expect(
      (await hanaClient.submit(`/account/talent/contacts/${contactId}/answer`, { answer: "accept" })).status,
    ).toBe(422);
    const accepted = await hanaClient.submit(`/account/talent/contacts/${contactId}/answer`, {
      answer: "accept",
      reply: "Happy to talk next week.",
    });
    expect(accepted.status).toBe(303);
    expect(
      (await hanaClient.submit(`/account/talent/contacts/${contactId}/answer`, { answer: "decline" })).status,
    ).toBe(409);
    const answer = await mailTo(ctx, recruiter.email, /accepted your message/);
    expect(answer.text).toContain(`/orgs/${slug}/talent/contacts`);
    contacts = await (await recruiter.client.get(`/orgs/${slug}/talent/contacts`)).text();
    expect(contacts).toContain(hana);
    expect(contacts).toContain("Happy to talk next week.");

    // A declined message reveals nothing.
    await recruiter.client.submit(`/orgs/${slug}/talent/candidates/${ivoId}/contact`, message);
    const ivoInbox = await (await ivoClient.get("/account/talent")).text();
    const ivoContact = /id="contact-([0-9a-f-]{36})"/.exec(ivoInbox)?.[1] ?? "";
    expect(
      (await ivoClient.submit(`/account/talent/contacts/${ivoContact}/answer`, { answer: "decline" })).status,
    ).toBe(303);
    contacts = await (await recruiter.client.get(`/orgs/${slug}/talent/contacts`)).text();
    expect(contacts).toContain("Declined");
    expect(contacts).not.toContain(ivo);
  });

  it("never finds a learner whose index rows exist only because they share their wallet with an employer", async () => {
    const mason = await issuer("Mason Guild", [{ name: "Dry stone walling" }]);
    const kim = `kim-${counter}@learner.test`;
    const lea = `lea-${counter}@learner.test`;
    await mason.award(kim);
    await mason.award(lea);
    await learner(kim, "Kim Kuiper", false);
    const leaClient = await learner(lea, "Lea Lang");
    const { owner, slug } = await employer();
    const names = async () => {
      const html = await search(owner, slug, "skill=stone%20walling");
      return ["Kim Kuiper", "Lea Lang"].filter((n) => html.includes(n));
    };
    const share = async (email: string) => {
      const user = await ctx.deps.uow((r) => r.users.findByEmail(email));
      const userId = user?.id ?? "";
      await ctx.database.executeSql(
        `INSERT INTO workforce_members (id, organization_id, email, token_hash, user_id, invited_at, consented_at)
         SELECT gen_random_uuid(), id, $1, $2, $3::uuid, now(), now() FROM organizations WHERE slug = $4`,
        [email, `token-${email}`, userId, slug],
      );
      await ctx.deps.uow((r) => refreshTalentSkillsIn(r, userId));
      return userId;
    };
    const rowsOf = async (userId: string) =>
      (
        await ctx.database.executeSql("SELECT count(*)::int AS n FROM talent_skills WHERE user_id = $1", [
          userId,
        ])
      ).rows[0]?.n;

    // Kim shares her wallet with an employer but never opted in to search: her rows exist, and are never found.
    const kimId = await share(kim);
    expect(await rowsOf(kimId)).toBeGreaterThan(0);
    expect(await names()).toEqual(["Lea Lang"]);

    // Lea shares too, then withdraws from search: her rows stay for the employer, and search stops finding her.
    const leaId = await share(lea);
    expect(await names()).toEqual(["Lea Lang"]);
    expect((await leaClient.submit("/account/talent/withdraw", {})).status).toBe(303);
    expect(await rowsOf(leaId)).toBeGreaterThan(0);
    expect(await names()).toEqual([]);
  });
});
