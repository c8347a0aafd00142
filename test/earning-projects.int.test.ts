import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseContent, type Project } from "../src/domain/earning/course.ts";
import { mailTo, startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

let counter = 0;
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;

const RUBRIC = [
  {
    id: "clarity",
    name: "Clarity",
    levels: [
      { id: "clarity-weak", name: "Weak", descriptor: "Hard to follow", points: 0 },
      { id: "clarity-clear", name: "Clear", descriptor: "Easy to follow", points: 3 },
    ],
  },
  {
    id: "safety",
    name: "Safety",
    levels: [
      { id: "safety-unsafe", name: "Unsafe", descriptor: "Skips checks", points: 0 },
      { id: "safety-safe", name: "Safe", descriptor: "Every check done", points: 4 },
    ],
  },
];

/** An organization with a published micro-credential whose course has two projects; the rule is p1's rubric score. */
async function organizationWithCourse() {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `projects-owner-${n}@example.org` });
  const slug = `projects-org-${n}`;
  await owner.submit("/orgs", { name: `Workshop ${n}`, slug });
  const achievementId =
    (
      await owner.submit(`/orgs/${slug}/achievements`, {
        statusPurpose: "revocation",
        name: `Rigging Practice ${n}`,
        description: "Rigging, assessed by a project.",
        criteria: "Pass the rigging project.",
        learningOutcomes: "Rig safely",
        workloadHours: "20",
        ects: "1",
        eqfLevel: "4",
        assessmentType: "project",
        participationForm: "online",
        qualityAssurance: "Two assessors.",
      })
    ).headers
      .get("location")
      ?.split("/")
      .at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {})).status).toBe(303);
  const [org] = await sql("SELECT id FROM organizations WHERE slug = $1", [slug]);
  const organizationId = String(org?.id);
  const content = courseContent.parse({
    enrolment: "open",
    modules: [
      {
        id: "m1",
        title: "Rigging",
        assessments: [
          {
            kind: "project",
            id: "p1",
            title: "Rig a mast",
            brief: "Rig the practice mast and document each check.",
            rubric: RUBRIC,
            passPoints: 5,
            accepts: { text: true, links: true, files: true, fileTypes: ["pdf", "png"], maxFileMb: 0.1 },
          },
          {
            kind: "project",
            id: "p2",
            title: "Closed project",
            rubric: RUBRIC,
            accepts: {},
            dueAt: "2000-01-01T00:00:00Z",
          },
        ],
      },
    ],
    rules: { kind: "rubric", projectId: "p1", minPoints: 5 },
  });
  await ctx.deps.uow((r) =>
    r.courses.save({ ...content, achievementId, organizationId, updatedAt: new Date() }),
  );
  return { owner, slug, achievementId, organizationId };
}

async function enrolledLearner(course: { achievementId: string; organizationId: string }, name: string) {
  const email = `${name.toLowerCase()}-${++counter}@learner.test`;
  const client = await signedUp(ctx.app, { email, name });
  const [user] = await sql("SELECT id FROM users WHERE email = $1", [email]);
  const enrolmentId = randomUUID();
  await ctx.deps.uow((r) =>
    r.enrolments.insert({
      id: enrolmentId,
      achievementId: course.achievementId,
      organizationId: course.organizationId,
      userId: String(user?.id),
      status: "active",
      createdAt: new Date(),
      decidedAt: null,
      decidedBy: null,
      completedAt: null,
      awardId: null,
      evidencePublic: false,
    }),
  );
  return { client, email, enrolmentId };
}

/** Posts a multipart form as a browser would, with the client's cookies and CSRF token. */
async function postMultipart(
  client: BrowserClient,
  path: string,
  fields: Record<string, string>,
  files: File[] = [],
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append("files", file);
  form.set("_csrf", client.jar.get("cairn_csrf") ?? "");
  return ctx.app.request(path, {
    method: "POST",
    body: form,
    headers: { cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
}

const submissions = (enrolmentId: string) =>
  sql(
    "SELECT id, project_id, revision, status, points, grade, links FROM project_submissions WHERE enrolment_id = $1 ORDER BY revision",
    [enrolmentId],
  );
const pdf = (name: string, size: number) => new File([new Uint8Array(size).fill(37)], name);

describe("rubric-graded projects", () => {
  it("takes a submission with text, links and a file, refuses bad ones, and grades it in the assessor's queue until the credential is awarded once", async () => {
    const course = await organizationWithCourse();
    const { owner, slug, achievementId } = course;
    const learner = await enrolledLearner(course, "Robin");
    const path = `/learn/${achievementId}/projects/p1`;

    const page = await learner.client.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Rig the practice mast");
    expect(html).toContain("Every check done");

    const work = { text: "I rigged the mast.", links: "https://photos.example/mast" };
    const wrongType = await postMultipart(learner.client, path, work, [pdf("mast.exe", 100)]);
    expect(wrongType.status).toBe(422);
    expect(await wrongType.text()).toContain("accepts only .pdf, .png files");
    const tooLarge = await postMultipart(learner.client, path, work, [pdf("mast.pdf", 120_000)]);
    expect(tooLarge.status).toBe(422);
    expect(await tooLarge.text()).toContain("larger than 0.1 MB");
    const insecureLink = await postMultipart(learner.client, path, {
      ...work,
      links: "http://photos.example",
    });
    expect(insecureLink.status).toBe(422);
    expect(await submissions(learner.enrolmentId)).toEqual([]);
    expect(await sql("SELECT id FROM submission_files")).toEqual([]);

    const late = await postMultipart(learner.client, `/learn/${achievementId}/projects/p2`, work);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("closed for submissions when it was due");

    const submitted = await postMultipart(learner.client, path, work, [pdf("Mast report.pdf", 2048)]);
    expect(submitted.status).toBe(303);
    const [first] = await submissions(learner.enrolmentId);
    expect(first).toMatchObject({ project_id: "p1", revision: 1, status: "submitted" });
    expect(first?.links).toEqual(["https://photos.example/mast"]);
    const duplicate = await postMultipart(learner.client, path, work);
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("still waiting to be graded");
    expect(await submissions(learner.enrolmentId)).toHaveLength(1);

    const [file] = await sql("SELECT id, name, size FROM submission_files WHERE submission_id = $1", [
      first?.id,
    ]);
    expect(file).toMatchObject({ name: "Mast report.pdf", size: 2048 });
    const download = await learner.client.get(`${path}/files/${file?.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array(2048).fill(37));

    // The queue lists it, oldest first, with what it holds.
    const queue = await (await owner.get(`/orgs/${slug}/assessments`)).text();
    expect(queue).toContain("Rig a mast");
    expect(queue).toContain("1 link, 1 file");
    expect(queue).toContain("1 awaiting grading, 0 returned for revision, 0 graded.");
    expect(queue).toContain(`/orgs/${slug}/assessments/${first?.id}`);
    const grading = `/orgs/${slug}/assessments/${first?.id}`;
    const screen = await owner.get(grading);
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('type="radio"');
    expect((await owner.get(`${grading}/files/${file?.id}`)).status).toBe(200);

    // Tampered or incomplete grades change nothing.
    const tampered = await owner.submit(grading, {
      action: "grade",
      "level:clarity": "safety-safe",
      "level:safety": "safety-safe",
    });
    expect(tampered.status).toBe(422);
    expect(await tampered.text()).toContain("no such level");
    const missing = await owner.submit(grading, { action: "grade", "level:clarity": "clarity-clear" });
    expect(missing.status).toBe(422);
    const extra = await owner.submit(grading, {
      action: "grade",
      "level:clarity": "clarity-clear",
      "level:safety": "safety-safe",
      "level:style": "x",
    });
    expect(extra.status).toBe(422);
    const silentReturn = await owner.submit(grading, { action: "return", feedback: " " });
    expect(silentReturn.status).toBe(422);
    expect(await silentReturn.text()).toContain("Tell the learner what to revise.");
    expect((await submissions(learner.enrolmentId))[0]).toMatchObject({ status: "submitted", points: null });

    // Returned for revision: the learner is told, resubmits as revision 2, which is graded.
    const returned = await owner.submit(grading, { action: "return", feedback: "Photograph each check." });
    expect(returned.status).toBe(303);
    expect((await mailTo(ctx, learner.email, /needs another revision/)).text).toContain(
      "Photograph each check.",
    );
    const stale = await owner.submit(grading, {
      action: "grade",
      "level:clarity": "clarity-clear",
      "level:safety": "safety-safe",
    });
    expect(stale.status).toBe(409);
    expect((await submissions(learner.enrolmentId))[0]).toMatchObject({ status: "returned" });
    expect(await (await learner.client.get(path)).text()).toContain("Photograph each check.");

    expect((await postMultipart(learner.client, path, { text: "Now with photos.", links: "" })).status).toBe(
      303,
    );
    const second = (await submissions(learner.enrolmentId))[1];
    expect(second).toMatchObject({ revision: 2, status: "submitted" });
    const graded = await owner.submit(`/orgs/${slug}/assessments/${second?.id}`, {
      action: "grade",
      "level:clarity": "clarity-clear",
      "level:safety": "safety-safe",
      feedback: "Well done.",
    });
    expect(graded.status).toBe(303);
    expect((await submissions(learner.enrolmentId))[1]).toMatchObject({
      status: "graded",
      points: 7,
      grade: {
        clarity: { levelId: "clarity-clear", points: 3 },
        safety: { levelId: "safety-safe", points: 4 },
      },
    });
    expect((await mailTo(ctx, learner.email, /is graded/)).text).toContain("7 of 7 points");
    const progress = await ctx.deps.uow((r) => r.enrolments.progress(learner.enrolmentId));
    expect(progress.projectGrades.p1).toEqual({
      revision: 2,
      points: 7,
      byCriterion: { clarity: 3, safety: 4 },
    });
    expect(await (await learner.client.get(path)).text()).toContain(
      "Your grade: 7 of 7 points (revision 2): passed.",
    );

    // The rule (p1's rubric score ≥ 5) is met: the credential is awarded once, and nothing can grade it again.
    const awards = () => sql("SELECT id FROM awards WHERE achievement_id = $1", [achievementId]);
    expect(await awards()).toHaveLength(1);
    const [enrolment] = await sql("SELECT status, award_id FROM enrolments WHERE id = $1", [
      learner.enrolmentId,
    ]);
    expect(enrolment).toMatchObject({ status: "completed", award_id: (await awards())[0]?.id });
    const regrade = await owner.submit(`/orgs/${slug}/assessments/${second?.id}`, {
      action: "grade",
      "level:clarity": "clarity-weak",
      "level:safety": "safety-safe",
    });
    expect(regrade.status).toBe(409);
    expect(await awards()).toHaveLength(1);
    expect((await postMultipart(learner.client, path, { text: "Again", links: "" })).status).toBe(409);
    expect(await submissions(learner.enrolmentId)).toHaveLength(2);
  });

  it("keeps each organization's submissions and files to itself", async () => {
    const course = await organizationWithCourse();
    const other = await organizationWithCourse();
    const learner = await enrolledLearner(course, "Sam");
    const path = `/learn/${course.achievementId}/projects/p1`;
    expect((await postMultipart(learner.client, path, { text: "Mine." }, [pdf("a.png", 10)])).status).toBe(
      303,
    );
    const [submission] = await submissions(learner.enrolmentId);
    const [file] = await sql("SELECT id FROM submission_files WHERE submission_id = $1", [submission?.id]);

    expect(await (await other.owner.get(`/orgs/${other.slug}/assessments`)).text()).not.toContain(
      String(submission?.id),
    );
    expect((await other.owner.get(`/orgs/${course.slug}/assessments`)).status).toBe(404);
    expect((await other.owner.get(`/orgs/${other.slug}/assessments/${submission?.id}`)).status).toBe(404);
    expect((await other.owner.get(`/orgs/${course.slug}/assessments/${submission?.id}`)).status).toBe(404);
    const grade = { action: "grade", "level:clarity": "clarity-clear", "level:safety": "safety-safe" };
    expect(
      (await other.owner.submit(`/orgs/${other.slug}/assessments/${submission?.id}`, grade)).status,
    ).toBe(404);
    expect(
      (await other.owner.get(`/orgs/${other.slug}/assessments/${submission?.id}/files/${file?.id}`)).status,
    ).toBe(404);
    expect((await other.owner.get(`${path}/files/${file?.id}`)).status).toBe(404);
    // Someone not enrolled sees no project and cannot submit.
    const stranger = await signedUp(ctx.app, { email: `stranger-${++counter}@learner.test` });
    expect((await stranger.get(path)).status).toBe(404);
    expect((await postMultipart(stranger, path, { text: "Let me in." })).status).toBe(404);
    expect((await submissions(learner.enrolmentId))[0]).toMatchObject({ status: "submitted" });
  });

  it("edits a project's brief, limits, rubric and peer-review settings, and refuses an incomplete rubric", async () => {
    const { owner, slug, achievementId } = await organizationWithCourse();
    const editor = `/orgs/${slug}/achievements/${achievementId}/course/projects/p1`;
    const page = await owner.get(editor);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('value="Easy to follow"');
    const stored = async (): Promise<Project> => {
      const course = await ctx.deps.uow((r) => r.courses.find(achievementId));
      const project = course?.modules[0]?.assessments.find((a) => a.id === "p1");
      if (project?.kind !== "project") throw new Error("no project");
      return project;
    };
    const form = {
      title: "Rig the main mast",
      brief: "Rig it.",
      passPoints: "6",
      dueAt: "2040-06-30T17:00",
      "accepts.text": "on",
      "accepts.files": "on",
      "accepts.fileTypes": ".PDF, zip",
      "accepts.maxFileMb": "5",
      "rubric.0.id": "clarity",
      "rubric.0.name": "Clarity of the write-up",
      "rubric.0.levels.0.id": "clarity-weak",
      "rubric.0.levels.0.name": "Weak",
      "rubric.0.levels.0.points": "0",
      "rubric.0.levels.1.id": "clarity-clear",
      "rubric.0.levels.1.name": "Clear",
      "rubric.0.levels.1.points": "3",
      "rubric.0.levels.2.name": "Excellent",
      "rubric.0.levels.2.points": "5",
      "rubric.0.levels.2.descriptor": "Others could learn from it",
      "rubric.1.id": "safety",
      "rubric.1.name": "Safety",
      "rubric.1.delete": "on",
      "rubric.2.name": "Knots",
      "rubric.2.levels.0.name": "Loose",
      "rubric.2.levels.0.points": "0",
      "rubric.2.levels.1.name": "Tight",
      "rubric.2.levels.1.points": "2",
      "peer.enabled": "on",
      "peerReview.reviews": "2",
      "peerReview.disagreementPoints": "3",
      "peerReview.reviewBeforeGraded": "on",
    };
    const bad = await owner.submit(editor, {
      ...form,
      "rubric.2.levels.1.name": "",
      "rubric.2.levels.1.points": "",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Give each criterion at least two levels.");
    expect((await stored()).title).toBe("Rig a mast");
    const unreachable = await owner.submit(editor, { ...form, passPoints: "8" });
    expect(unreachable.status).toBe(422);
    expect(await unreachable.text()).toContain("more than the 7 points the rubric gives");
    expect((await stored()).title).toBe("Rig a mast");

    const saved = await owner.submit(editor, form);
    expect(saved.status, await saved.clone().text()).toBe(303);
    const project = await stored();
    expect(project).toMatchObject({
      title: "Rig the main mast",
      passPoints: 6,
      dueAt: "2040-06-30T17:00:00Z",
      accepts: { text: true, links: false, files: true, fileTypes: ["pdf", "zip"], maxFileMb: 5 },
      peerReview: { reviews: 2, disagreementPoints: 3, reviewBeforeGraded: true },
    });
    expect(project.rubric.map((c) => c.name)).toEqual(["Clarity of the write-up", "Knots"]);
    expect(project.rubric[0]?.levels.map((l) => [l.id === "clarity-clear" || l.name, l.points])).toEqual([
      ["Weak", 0],
      [true, 3],
      ["Excellent", 5],
    ]);
    expect(project.rubric[1]?.id).toMatch(/^[0-9a-f-]{36}$/);

    // A learner (not a member) cannot open or save the editor.
    const outsider = await signedUp(ctx.app, { email: `outsider-${++counter}@example.org` });
    expect((await outsider.get(editor)).status).toBe(404);
    expect((await outsider.submit(editor, form)).status).toBe(404);
  });
});
