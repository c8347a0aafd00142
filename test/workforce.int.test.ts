import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
let now = new Date("2026-11-23T10:00:00Z");
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => now });
});
afterAll(() => ctx.close());

const idFrom = (location: string | null) => location?.split("/").at(-1) ?? "";
const skill = (name: string, code: string) => ({
  skill0Name: name,
  skill0Code: code,
  skill0Framework: "Cairn starter",
  skill0Url: `https://skills.example.org/${encodeURIComponent(name)}`,
});

/** An issuer publishing micro-credentials aligned to one skill each, awarding them by email with a claim mail. */
async function issuer(n: number) {
  const owner = await signedUp(ctx.app, { email: `issuer-${n}@college.test` });
  const slug = `college-${n}`;
  await owner.submit("/orgs", { name: `Harbour College ${n}`, slug });
  const publish = async (name: string, eqfLevel: string, aligned: Record<string, string>) => {
    const id = idFrom(
      (
        await owner.submit(`/orgs/${slug}/achievements`, {
          name,
          description: `${name}, assessed in practice.`,
          criteria: "Pass a supervised practical.",
          learningOutcomes: "Do the work safely",
          workloadHours: "30",
          ects: "1",
          eqfLevel,
          assessmentType: "practical",
          participationForm: "onsite",
          qualityAssurance: "Two certified assessors.",
          ...aligned,
        })
      ).headers.get("location"),
    );
    expect((await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {})).status).toBe(303);
    return id;
  };
  const award = async (achievementId: string, recipient: string) => {
    const response = await owner.submit(`/orgs/${slug}/achievements/${achievementId}/award`, {
      nonce: `${achievementId}-${recipient}`,
      recipient,
      recipientName: recipient.split("@")[0] ?? "",
      notify: "yes",
    });
    expect(response.status).toBe(303);
    return idFrom(response.headers.get("location"));
  };
  return { owner, slug, publish, award };
}

/** Sessions expire: a learner whose clock moved on months signs in again. */
async function signIn(client: BrowserClient, email: string) {
  const response = await client.submit("/signin", { email, password: "correct horse battery" });
  expect(response.status).toBe(303);
}

/** Claims the newest credential mailed to the address, signing up first when there is no account yet. */
async function claimed(email: string, name: string, subject: RegExp, client?: BrowserClient) {
  const claim = linkIn((await mailTo(ctx, email, subject)).text, "/claim/");
  const learner = client ?? (await signedUp(ctx.app, { email, name }));
  if (client) await signIn(client, email);
  const response = await learner.submit(claim, {});
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).not.toContain("/signin");
  return learner;
}

const lines = async (client: BrowserClient, path: string) => {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/csv");
  return (await response.text()).split("\r\n").filter(Boolean);
};

describe("workforce upskilling", () => {
  let college: Awaited<ReturnType<typeof issuer>>;
  let employer: BrowserClient;
  let ada: BrowserClient;
  let ben: BrowserClient;
  const ids: Record<string, string> = {};
  const slug = "acme-shipyard";
  const adaEmail = "ada@acme.test";
  const benEmail = "ben@acme.test";

  beforeAll(async () => {
    college = await issuer(1);
    ids.welding = await college.publish("Safe Welding", "4", skill("Welding", "W-1"));
    ids.advanced = await college.publish("Advanced Welding", "6", skill("Welding", "w-1"));
    ids.forklift = await college.publish("Forklift Safety", "3", {
      skill0Name: "Forklift  Operation",
      skill0Url: "https://skills.example.org/forklift",
    });
    ids.firstAid = await college.publish("First Aid at Work", "3", skill("First aid", "FA-1"));
    ids.baking = await college.publish("Bread Baking", "2", skill("Baking", "B-1"));
    now = new Date("2026-06-15T09:00:00Z");
    await college.award(ids.welding, adaEmail);
    ada = await claimed(adaEmail, "Ada Lovelace", /Safe Welding/);
    now = new Date("2026-09-10T09:00:00Z");
    ids.adaForklift = await college.award(ids.forklift, adaEmail);
    await claimed(adaEmail, "Ada Lovelace", /Forklift Safety/, ada);
    now = new Date("2026-11-20T09:00:00Z");
    await college.award(ids.welding, benEmail);
    ben = await claimed(benEmail, "Ben Okafor", /Safe Welding/);
    now = new Date("2026-11-23T10:00:00Z");
    // Sessions begun months ago have expired: both sign in again today.
    await signIn(ada, adaEmail);
    await signIn(ben, benEmail);
    employer = await signedUp(ctx.app, { email: "hr@acme.test", name: "Hana HR" });
    await employer.submit("/orgs", { name: "Acme Shipyard", slug });
  });

  it("refuses role profiles without a name or skills, with a skill twice, or an impossible level", async () => {
    const empty = await employer.submit(`/orgs/${slug}/workforce/profiles`, { name: "", skill0Name: "" });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain("Name the role.");
    expect(html).toContain("Add at least one required skill.");
    const twice = await employer.submit(`/orgs/${slug}/workforce/profiles`, {
      name: "Welder",
      skill0Name: "Welding",
      skill0Code: "W-1",
      skill1Name: "Welding (again)",
      skill1Code: "w-1",
    });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("is listed twice");
    const level = await employer.submit(`/orgs/${slug}/workforce/profiles`, {
      name: "Welder",
      skill0Name: "Welding",
      skill0Level: "9",
    });
    expect(level.status).toBe(422);
    expect(await level.text()).toContain("EQF levels are 1–8.");
  });

  it("invites, takes consent, and shows met, below level and missing with aligned micro-credentials", async () => {
    const lead = await employer.submit(`/orgs/${slug}/workforce/profiles`, {
      name: "Warehouse lead",
      skill0Name: "Welding",
      skill0Code: "W-1",
      skill0Level: "4",
      skill1Name: "forklift operation",
      skill2Name: "First aid",
      skill2Code: "FA-1",
    });
    expect(lead.status).toBe(303);
    await employer.submit(`/orgs/${slug}/workforce/profiles`, {
      name: "Senior welder",
      skill0Name: "Welding",
      skill0Code: "W-1",
      skill0Level: "5",
    });
    const profiles = await (await employer.get(`/orgs/${slug}/workforce/people`)).text();
    const profileId = (name: string) =>
      new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${name}<`).exec(profiles)?.[1] ?? "";
    for (const [email, name, profile] of [
      [adaEmail, "Ada Lovelace", "Warehouse lead"],
      [benEmail, "Ben Okafor", "Senior welder"],
    ] as const) {
      const invited = await employer.submit(`/orgs/${slug}/workforce/people`, {
        email,
        name,
        roleProfileId: profileId(profile),
      });
      expect(invited.status).toBe(303);
    }
    // Pending people are listed without data.
    expect(await (await employer.get(`/orgs/${slug}/workforce`)).text()).toContain(
      "Not shared yet: no data.",
    );

    for (const [client, email] of [
      [ada, adaEmail],
      [ben, benEmail],
    ] as const) {
      const link = linkIn(
        (await mailTo(ctx, email, /share your Cairn wallet/)).text,
        "/workforce/invitations/",
      );
      // Another account cannot consent for them; the GET shows what would be shared and changes nothing.
      const page = await (await client.get(link)).text();
      expect(page).toContain("Safe Welding");
      expect(page).toContain("Welding");
      expect((await employer.submit(link, {})).status).toBe(403);
      expect((await client.submit(link, {})).status).toBe(303);
      expect((await client.submit(link, {})).status).toBe(400);
    }

    const gap = await lines(employer, `/orgs/${slug}/workforce/gap.csv`);
    expect(gap).toEqual([
      "name,email,sharing,role profile,Welding,forklift operation,First aid",
      "Ada Lovelace,ada@acme.test,Sharing,Warehouse lead,Met: Safe Welding (EQF 4),Met: Forklift Safety (EQF 3),Missing",
      "Ben Okafor,ben@acme.test,Sharing,Senior welder,Below level: Safe Welding (EQF 4),,",
    ]);
    const html = await (await employer.get(`/orgs/${slug}/workforce`)).text();
    expect(html).toContain('<th scope="col">First aid</th>');
    expect(html).toContain("Below level");
    expect(html).toContain(`href="/achievements/${ids.firstAid}"`);
    expect(html).toContain(`href="/achievements/${ids.advanced}"`);
    expect(html).not.toContain(`href="/achievements/${ids.baking}"`);
  });

  it("counts coverage at each month end and downloads the same numbers", async () => {
    const coverage = await lines(employer, `/orgs/${slug}/workforce/coverage.csv`);
    expect(coverage[0]).toBe("month,cells met,cells required,coverage percent");
    expect(coverage.slice(1)).toEqual([
      "2025-12,0,4,0",
      "2026-01,0,4,0",
      "2026-02,0,4,0",
      "2026-03,0,4,0",
      "2026-04,0,4,0",
      "2026-05,0,4,0",
      "2026-06,1,4,25",
      "2026-07,1,4,25",
      "2026-08,1,4,25",
      "2026-09,2,4,50",
      "2026-10,2,4,50",
      "2026-11,2,4,50",
    ]);
    const page = await (await employer.get(`/orgs/${slug}/workforce/coverage`)).text();
    expect(page).toContain("Skill coverage per month (percent): 25-12 0");
    expect(page).toContain("<td>50%</td>");
  });

  it("turns a revoked credential's skill from met into missing, now and in the history", async () => {
    const revoked = await college.owner.submit(`/orgs/${college.slug}/awards/${ids.adaForklift}/status`, {
      action: "revoke",
      reason: "Issued in error",
    });
    expect(revoked.status).toBe(303);
    const gap = await lines(employer, `/orgs/${slug}/workforce/gap.csv`);
    expect(gap[1]).toBe(
      "Ada Lovelace,ada@acme.test,Sharing,Warehouse lead,Met: Safe Welding (EQF 4),Missing,Missing",
    );
    const coverage = await lines(employer, `/orgs/${slug}/workforce/coverage.csv`);
    expect(coverage.at(-1)).toBe("2026-11,1,4,25");
  });

  it("offers a sponsored place in an aligned micro-credential, which the employee accepts", async () => {
    const gapHtml = await (await employer.get(`/orgs/${slug}/workforce`)).text();
    const adaId = /<option value="([0-9a-f-]{36})">Ada Lovelace<\/option>/.exec(gapHtml)?.[1] ?? "";
    const offer = { memberId: adaId, achievementId: ids.firstAid ?? "", skillKey: "fa-1" };
    expect((await employer.submit(`/orgs/${slug}/workforce/sponsorships`, offer)).status).toBe(303);
    expect((await employer.submit(`/orgs/${slug}/workforce/sponsorships`, offer)).status).toBe(409);
    const unaligned = { memberId: adaId, achievementId: ids.baking ?? "", skillKey: "" };
    expect((await employer.submit(`/orgs/${slug}/workforce/sponsorships`, unaligned)).status).toBe(422);
    const mail = await mailTo(ctx, adaEmail, /sponsor/);
    expect(mail.subject).toContain("First Aid at Work");

    const account = await (await ada.get("/account/employers")).text();
    expect(account).toContain("Acme Shipyard");
    expect(account).toContain("Offered");
    const sponsorshipId = /action="\/account\/sponsorships\/([0-9a-f-]{36})"/.exec(account)?.[1] ?? "";
    // Ben cannot answer Ada's offer.
    expect((await ben.submit(`/account/sponsorships/${sponsorshipId}`, { answer: "accepted" })).status).toBe(
      404,
    );
    expect((await ada.submit(`/account/sponsorships/${sponsorshipId}`, { answer: "accepted" })).status).toBe(
      303,
    );
    expect(await (await ada.get("/account/employers")).text()).toContain("Accepted");
    expect(await (await employer.get(`/orgs/${slug}/workforce/people`)).text()).toContain(
      "First Aid at Work: accepted",
    );
  });

  it("keeps every workforce page and action of one organization from another", async () => {
    const other = await signedUp(ctx.app, { email: "boss@rival.test" });
    await other.submit("/orgs", { name: "Rival Yard", slug: "rival-yard" });
    const page = await (await employer.get(`/orgs/${slug}/workforce/people`)).text();
    const memberId =
      /action="\/orgs\/[^/]+\/workforce\/people\/([0-9a-f-]{36})\/remove"/.exec(page)?.[1] ?? "";
    for (const path of ["", "/people", "/profiles", "/coverage", "/gap.csv", "/coverage.csv"]) {
      expect((await other.get(`/orgs/${slug}/workforce${path}`)).status).toBe(404);
    }
    expect((await other.submit(`/orgs/${slug}/workforce/people/${memberId}/remove`, {})).status).toBe(404);
    // Through its own organization, the rival cannot reach Acme's employee either.
    expect((await other.submit(`/orgs/rival-yard/workforce/people/${memberId}/remove`, {})).status).toBe(404);
    expect((await other.get("/orgs/rival-yard/workforce/gap.csv")).status).toBe(200);
    expect(await (await other.get("/orgs/rival-yard/workforce")).text()).not.toContain("Ada");
    // A learner member of the organization is not allowed to manage the workforce.
    expect((await ada.get(`/orgs/${slug}/workforce`)).status).toBe(404);
  });

  it("hides all data once consent is withdrawn", async () => {
    const account = await (await ben.get("/account/employers")).text();
    const memberId = /action="\/account\/employers\/([0-9a-f-]{36})\/withdraw"/.exec(account)?.[1] ?? "";
    expect((await ada.submit(`/account/employers/${memberId}/withdraw`, {})).status).toBe(404);
    expect((await ben.submit(`/account/employers/${memberId}/withdraw`, {})).status).toBe(303);
    expect(await (await ben.get("/account/employers")).text()).toContain("Consent withdrawn");
    const gap = await lines(employer, `/orgs/${slug}/workforce/gap.csv`);
    expect(gap[2]).toBe("Ben Okafor,ben@acme.test,Consent withdrawn,Senior welder,,,");
    const html = await (await employer.get(`/orgs/${slug}/workforce`)).text();
    expect(html).toContain("Consent withdrawn: no data.");
    const [rows] = (
      await ctx.database.executeSql(
        "SELECT count(*)::int AS n FROM talent_skills t JOIN users u ON u.id = t.user_id WHERE u.email = $1",
        [benEmail],
      )
    ).rows;
    expect(rows?.n).toBe(0);
    const coverage = await lines(employer, `/orgs/${slug}/workforce/coverage.csv`);
    expect(coverage.at(-1)).toBe("2026-11,1,3,33");
  });
});
