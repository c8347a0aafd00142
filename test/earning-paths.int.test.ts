import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolled } from "./earning-fixtures.ts";
import { linkIn, mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;
const courseOf = async (achievementId: string) => {
  const [row] = await sql("SELECT content FROM courses WHERE achievement_id = $1", [achievementId]);
  return row?.content as
    | {
        enrolment: string;
        modules: {
          id: string;
          title: string;
          body: string;
          videoUrl?: string;
          assessments: Record<string, unknown>[];
        }[];
      }
    | undefined;
};
const enrolmentsOf = (achievementId: string) =>
  sql("SELECT user_id, status FROM enrolments WHERE achievement_id = $1", [achievementId]);

async function organization() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `paths-owner-${n}@example.org`, name: `Owner ${n}` });
  const slug = `paths-org-${n}`;
  await owner.submit("/orgs", { name: `Paths Academy ${n}`, slug });
  const define = async (name: string, publish = true) => {
    const response = await owner.submit(`/orgs/${slug}/achievements`, {
      name,
      description: `${name}, learned online.`,
      criteria: "Complete the course.",
      learningOutcomes: "Tie the knots",
      workloadHours: "10",
      ects: "1",
      eqfLevel: "4",
      assessmentType: "practical",
      participationForm: "online",
      qualityAssurance: "Reviewed by two instructors.",
    });
    const id = response.headers.get("location")?.split("/").at(-1) ?? "";
    if (publish) await owner.submit(`/orgs/${slug}/achievements/${id}/publish`, {});
    return id;
  };
  const course = (id: string) => `/orgs/${slug}/achievements/${id}/course`;
  /** A published micro-credential whose course has these modules and this enrolment mode. */
  const withCourse = async (name: string, modules: string[], enrolment = "open") => {
    const id = await define(name);
    for (const title of modules) {
      const added = await owner.submit(`${course(id)}/modules`, {
        title,
        body: `# ${title}\n\nRead this.`,
        videoUrl: "",
      });
      expect(added.status).toBe(303);
    }
    expect((await owner.submit(`${course(id)}/enrolment`, { enrolment })).status).toBe(303);
    return id;
  };
  return { owner, slug, define, course, withCourse };
}
const learner = (name: string) => signedUp(ctx.app, { email: `${name}-${++counter}@learner.test`, name });
const emailOf = async (client: BrowserClient) => {
  const page = await (await client.get("/account")).text();
  return /[\w.-]+@learner\.test/.exec(page)?.[0] ?? "";
};

describe("course editor", () => {
  it("adds, edits, orders and deletes modules, attaches quizzes and projects, and refuses bad input without a change", async () => {
    const org = await organization();
    const id = await org.define("Knots and Splices");
    const path = org.course(id);
    expect((await org.owner.get(`/orgs/${org.slug}/achievements/${id}`)).status).toBe(200);
    expect(await (await org.owner.get(`/orgs/${org.slug}/achievements/${id}`)).text()).toContain(
      `href="${path}"`,
    );
    expect((await org.owner.get(path)).status).toBe(200);

    const noTitle = await org.owner.submit(`${path}/modules`, { title: " ", body: "x", videoUrl: "" });
    expect(noTitle.status).toBe(422);
    expect(await noTitle.text()).toContain("Name the module.");
    const badVideo = await org.owner.submit(`${path}/modules`, {
      title: "Bowline",
      body: "",
      videoUrl: "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
    });
    expect(badVideo.status).toBe(422);
    expect(await badVideo.text()).toContain("Give a YouTube or Vimeo address");
    expect(await courseOf(id)).toBeUndefined();

    for (const title of ["Bowline", "Clove hitch", "Eye splice"]) {
      expect((await org.owner.submit(`${path}/modules`, { title, body: "", videoUrl: "" })).status).toBe(303);
    }
    let course = await courseOf(id);
    expect(course?.modules.map((m) => m.title)).toEqual(["Bowline", "Clove hitch", "Eye splice"]);
    const [bowline, clove, splice] = course?.modules.map((m) => m.id) ?? [];
    expect(bowline).toMatch(/^[0-9a-f]{12}$/);

    expect((await org.owner.submit(`${path}/modules/${splice}/move`, { direction: "up" })).status).toBe(303);
    const first = await org.owner.submit(`${path}/modules/${bowline}/move`, { direction: "up" });
    expect(first.status).toBe(422);
    expect(await first.text()).toContain("already the first module");
    course = await courseOf(id);
    expect(course?.modules.map((m) => m.id)).toEqual([bowline, splice, clove]);

    const edited = await org.owner.submit(`${path}/modules/${bowline}`, {
      title: "The bowline",
      body: "## Steps\n\n1. Make a loop",
      videoUrl: "https://youtu.be/dQw4w9WgXcQ",
    });
    expect(edited.status).toBe(303);
    const badEdit = await org.owner.submit(`${path}/modules/${bowline}`, {
      title: "",
      body: "changed",
      videoUrl: "",
    });
    expect(badEdit.status).toBe(422);
    course = await courseOf(id);
    expect(course?.modules[0]).toMatchObject({
      title: "The bowline",
      body: "## Steps\n\n1. Make a loop",
      videoUrl: "https://youtu.be/dQw4w9WgXcQ",
    });

    const quiz = await org.owner.submit(`${path}/modules/${bowline}/quizzes`, { quizTitle: "Bowline check" });
    expect(quiz.status).toBe(303);
    const quizId = quiz.headers.get("location")?.split("/").at(-1);
    expect(quiz.headers.get("location")).toBe(`${path}/quizzes/${quizId}`);
    const project = await org.owner.submit(`${path}/modules/${bowline}/projects`, {
      projectTitle: "Film a bowline",
    });
    const projectId = project.headers.get("location")?.split("/").at(-1);
    expect(project.headers.get("location")).toBe(`${path}/projects/${projectId}`);
    const noQuizTitle = await org.owner.submit(`${path}/modules/${bowline}/quizzes`, { quizTitle: "" });
    expect(noQuizTitle.status).toBe(422);
    course = await courseOf(id);
    expect(course?.modules[0]?.assessments).toMatchObject([
      { kind: "quiz", id: quizId, title: "Bowline check", passMark: 70, questions: [] },
      { kind: "project", id: projectId, title: "Film a bowline", rubric: [] },
    ]);
    const modulePage = await (await org.owner.get(`${path}/modules/${bowline}`)).text();
    expect(modulePage).toContain(`href="${path}/quizzes/${quizId}"`);
    expect(modulePage).toContain(`href="${path}/projects/${projectId}"`);

    expect((await org.owner.submit(`${path}/modules/${clove}/delete`, {})).status).toBe(303);
    expect((await courseOf(id))?.modules.map((m) => m.id)).toEqual([bowline, splice]);
    expect((await org.owner.submit(`${path}/enrolment`, { enrolment: "anyone" })).status).toBe(422);
    expect((await org.owner.submit(`${path}/enrolment`, { enrolment: "approval" })).status).toBe(303);
    expect((await courseOf(id))?.enrolment).toBe("approval");
  });

  it("keeps another organization's members out of the editor and the enrolments", async () => {
    const org = await organization();
    const other = await organization();
    const id = await org.withCourse("Harbour Safety", ["Lifejackets"]);
    const before = JSON.stringify(await courseOf(id));
    expect((await other.owner.get(org.course(id))).status).toBe(404);
    expect((await other.owner.get(`${org.course(id)}/enrolments`)).status).toBe(404);
    const attempt = await other.owner.submit(`${org.course(id)}/modules`, {
      title: "Injected",
      body: "",
      videoUrl: "",
    });
    expect(attempt.status).toBe(404);
    expect(JSON.stringify(await courseOf(id))).toBe(before);
    // Nor can an organization reach another's course through its own address.
    expect((await other.owner.get(other.course(id))).status).toBe(404);
    const someone = await learner("outsider");
    expect((await someone.get(org.course(id))).status).toBe(404);
  });
});

describe("enrolment", () => {
  it("enrols at once on an open course and refuses a second enrolment clearly", async () => {
    const org = await organization();
    const id = await org.withCourse("Open Water", ["Currents"]);
    const pat = await learner("pat");
    const publicPage = await (await pat.get(`/achievements/${id}`)).text();
    expect(publicPage).toContain(`action="/learn/${id}/enrol"`);
    expect((await pat.submit(`/learn/${id}/enrol`, {})).status).toBe(303);
    expect(await enrolmentsOf(id)).toMatchObject([{ status: "active" }]);
    const again = await pat.submit(`/learn/${id}/enrol`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("You are already enrolled on this course.");
    expect(await enrolmentsOf(id)).toHaveLength(1);
    expect(await (await pat.get(`/achievements/${id}`)).text()).toContain("Continue learning");
    // A micro-credential without a published course offers nothing to enrol on.
    const draft = await org.define("Draft course", false);
    expect((await pat.submit(`/learn/${draft}/enrol`, {})).status).toBe(404);
  });

  it("holds requests on a course by approval until an issuer approves or declines them", async () => {
    const org = await organization();
    const id = await org.withCourse("Night Navigation", ["Stars"], "approval");
    const [moduleId] = (await courseOf(id))?.modules.map((m) => m.id) ?? [];
    const ada = await learner("ada");
    const bo = await learner("bo");
    expect((await ada.submit(`/learn/${id}/enrol`, {})).status).toBe(303);
    expect((await bo.submit(`/learn/${id}/enrol`, {})).status).toBe(303);
    expect((await enrolmentsOf(id)).map((e) => e.status)).toEqual(["pending", "pending"]);
    const closed = await ada.get(`/learn/${id}/modules/${moduleId}`);
    expect(closed.status).toBe(403);
    expect(await closed.text()).toContain("waiting for");

    const page = await (await org.owner.get(`${org.course(id)}/enrolments`)).text();
    expect(page).toContain("Waiting for approval");
    const [adaRow, boRow] = await sql(
      "SELECT e.id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.achievement_id = $1 ORDER BY u.name",
      [id],
    );
    // A learner cannot decide their own request.
    expect((await ada.submit(`${org.course(id)}/enrolments/${adaRow?.id}/approve`, {})).status).toBe(404);
    expect((await org.owner.submit(`${org.course(id)}/enrolments/${adaRow?.id}/approve`, {})).status).toBe(
      303,
    );
    expect((await org.owner.submit(`${org.course(id)}/enrolments/${boRow?.id}/decline`, {})).status).toBe(
      303,
    );
    const twice = await org.owner.submit(`${org.course(id)}/enrolments/${boRow?.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("already declined");
    expect(await sql("SELECT status FROM enrolments WHERE id = $1", [boRow?.id])).toEqual([
      { status: "declined" },
    ]);
    const mail = await mailTo(ctx, await emailOf(ada), /You are enrolled/);
    expect(linkIn(mail.text, `/learn/${id}`)).toBe(`/learn/${id}`);
    expect((await ada.get(`/learn/${id}/modules/${moduleId}`)).status).toBe(200);
    const declined = await bo.get(`/learn/${id}/modules/${moduleId}`);
    expect(declined.status).toBe(403);
    expect(await declined.text()).toContain("declined your enrolment");
  });

  it("admits only invitees on a course by invitation, through the mailed link, once", async () => {
    const org = await organization();
    const id = await org.withCourse("Signal Flags", ["Alphabet"], "invitation");
    const walk = await learner("walk-in");
    const refused = await walk.submit(`/learn/${id}/enrol`, {});
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("admits learners by invitation");
    expect(await enrolmentsOf(id)).toHaveLength(0);

    const bad = await org.owner.submit(`${org.course(id)}/invitations`, {
      emails: "kim@invitee.test, not-an-address",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("not-an-address");
    expect(await sql("SELECT id FROM course_invitations WHERE achievement_id = $1", [id])).toHaveLength(0);

    const address = `kim-${++counter}@invitee.test`;
    expect((await org.owner.submit(`${org.course(id)}/invitations`, { emails: `${address}\n` })).status).toBe(
      303,
    );
    const [stored] = await sql("SELECT token_hash FROM course_invitations WHERE achievement_id = $1", [id]);
    const link = linkIn((await mailTo(ctx, address, /Signal Flags/)).text, "/learn/invitations/");
    expect(link).not.toContain(String(stored?.token_hash));
    expect(await (await ctx.app.request(link)).text()).toContain("Sign in");

    const wrong = await walk.submit(link, {});
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain(`sent to ${address}`);
    expect(await enrolmentsOf(id)).toHaveLength(0);

    const kim = await signedUp(ctx.app, { email: address, name: "Kim" });
    const accepted = await kim.submit(link, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(`/learn/${id}`);
    expect(await enrolmentsOf(id)).toMatchObject([{ status: "active" }]);
    expect((await kim.submit(link, {})).status).toBe(400);
    expect(await enrolmentsOf(id)).toHaveLength(1);
  });
});

describe("learning and completing", () => {
  it("shows a module safely and awards the credential exactly once when its only module is completed", async () => {
    const org = await organization();
    const id = await org.withCourse("Rope Care", []);
    await org.owner.submit(`${org.course(id)}/modules`, {
      title: "Washing ropes",
      body: "# Wash\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) ![pic](https://img.example.org/r.png)",
      videoUrl: "https://vimeo.com/76979871",
    });
    const [moduleId] = (await courseOf(id))?.modules.map((m) => m.id) ?? [];
    const sam = await learner("sam");
    expect((await sam.get(`/learn/${id}/modules/${moduleId}`)).status).toBe(403);
    await sam.submit(`/learn/${id}/enrol`, {});

    const player = await (await sam.get(`/learn/${id}`)).text();
    expect(player).toContain(`href="/learn/${id}/modules/${moduleId}"`);
    expect(player).toContain("Not yet</span> Complete the module “Washing ropes”");
    const response = await sam.get(`/learn/${id}/modules/${moduleId}`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
    expect(csp).toContain("img-src 'self' data: https:");
    const html = await response.text();
    expect(html).toContain("<h2>Wash</h2>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(`href="javascript`);
    expect(html).toContain("[bad](javascript:alert(1))");
    expect(html).toContain('src="https://player.vimeo.com/video/76979871?dnt=1"');
    expect(html).toContain('title="Vimeo video: Washing ropes"');

    const complete = () => sam.submit(`/learn/${id}/modules/${moduleId}/complete`, {});
    const [a, b] = await Promise.all([complete(), complete()]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect((await complete()).status).toBe(303);
    expect(await sql("SELECT id FROM awards WHERE achievement_id = $1", [id])).toHaveLength(1);
    expect(
      await sql("SELECT status, award_id FROM enrolments WHERE achievement_id = $1", [id]),
    ).toMatchObject([{ status: "completed" }]);
    const dashboard = await (await sam.get("/learn")).text();
    expect(dashboard).toContain("Rope Care");
    expect(dashboard).toContain("100% done");
    expect(dashboard).toContain("See the credential in your wallet");
  });

  it("counts progress on the dashboard and refuses modules of other courses", async () => {
    const org = await organization();
    const id = await org.withCourse("Sail Trim", ["Telltales", "Reefing"]);
    const other = await org.withCourse("Anchoring", ["Scope"]);
    const [telltales] = (await courseOf(id))?.modules.map((m) => m.id) ?? [];
    const lee = await learner("lee");
    await lee.submit(`/learn/${id}/enrol`, {});
    expect((await lee.submit(`/learn/${id}/modules/${telltales}/complete`, {})).status).toBe(303);
    const dashboard = await (await lee.get("/learn")).text();
    expect(dashboard).toContain("50% done");
    expect(dashboard).toContain("Continue learning");
    expect(await sql("SELECT id FROM awards WHERE achievement_id = $1", [id])).toHaveLength(0);
    // A module id of this course under another course's address is not found; not enrolled there either.
    expect((await lee.submit(`/learn/${other}/modules/${telltales}/complete`, {})).status).toBe(403);
    expect((await lee.submit(`/learn/${id}/modules/nope/complete`, {})).status).toBe(404);
  });
});

describe("assessments before admission", () => {
  it("keeps a project's brief and rubric from a learner whose enrolment awaits approval, with a clear message", async () => {
    const { achievementId, enrolmentId, learner } = await enrolled(ctx);
    await sql("UPDATE enrolments SET status = 'pending' WHERE id = $1", [enrolmentId]);
    const page = await learner.get(`/learn/${achievementId}/projects/p1`);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain("awaits approval");
    expect(html).not.toContain("Some errors");
  });
});
