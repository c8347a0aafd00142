import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peerFeedbackFor } from "../src/app/earning/peer-feedback.ts";
import { peerGateIn } from "../src/app/earning/peer-gate.ts";
import { peerSummaryIn } from "../src/app/earning/peer-summary.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";
import { enrolledLearner, type Learner, peerOrganization, submitWork } from "./peer-fixtures.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;
const tasksOf = async (learner: Learner) =>
  (
    await sql(
      "SELECT id, submission_id, submitted_at, comment FROM peer_reviews WHERE reviewer_enrolment_id = $1 ORDER BY assigned_at, id",
      [learner.enrolmentId],
    )
  ).map((row) => ({
    id: String(row.id),
    submissionId: String(row.submission_id),
    submittedAt: row.submitted_at,
    comment: row.comment,
  }));
const reviewPath = (achievementId: string, taskId: string) => `/learn/${achievementId}/reviews/${taskId}`;

describe("peer review of projects", () => {
  it("assigns reviews as work arrives, takes reviews only from the assigned reviewer once, aggregates by median and flags disagreement", async () => {
    const org = await peerOrganization(ctx, "Workshop Guild");
    const [ada, ben, cleo] = [
      await enrolledLearner(ctx, org, "Ada Lovelace"),
      await enrolledLearner(ctx, org, "Ben Okafor"),
      await enrolledLearner(ctx, org, "Cleo Marsh"),
    ];
    const adaWork = await submitWork(
      ctx,
      org,
      ada,
      "Ada's plan: exits marked, extinguishers checked weekly.",
    );
    expect(adaWork.assigned).toEqual([]);
    const benWork = await submitWork(ctx, org, ben, "Ben's plan: a fire drill every term.");
    const cleoWork = await submitWork(ctx, org, cleo, "Cleo's plan: first-aid kit by the door.");

    // Three submitters, k = 2: everyone reviews the two others; nobody reviews their own work.
    const submissionOf = new Map([
      [adaWork.id, ada],
      [benWork.id, ben],
      [cleoWork.id, cleo],
    ]);
    for (const learner of [ada, ben, cleo]) {
      const tasks = await tasksOf(learner);
      expect(tasks).toHaveLength(2);
      for (const t of tasks) expect(submissionOf.get(t.submissionId)).not.toBe(learner);
    }
    const selfReviews = await sql(
      "SELECT count(*)::int AS n FROM peer_reviews p JOIN project_submissions s ON s.id = p.submission_id WHERE s.enrolment_id = p.reviewer_enrolment_id",
    );
    expect(selfReviews[0]?.n).toBe(0);

    // The task list and the review page are anonymous: no author name or address anywhere.
    const list = await ada.client.get(`/learn/${org.achievementId}/reviews`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Review 1: Your safety plan");
    const adaTaskOnBen = (await tasksOf(ada)).find((t) => t.submissionId === benWork.id);
    const adaTaskOnCleo = (await tasksOf(ada)).find((t) => t.submissionId === cleoWork.id);
    if (!adaTaskOnBen || !adaTaskOnCleo) throw new Error("tasks missing");
    await sql(
      "INSERT INTO submission_files (id, submission_id, name, media_type, size, storage_key, created_at) VALUES ($1, $2, 'drill-plan.pdf', 'application/pdf', 2048, 'k', now())",
      [ctx.deps.newId(), benWork.id],
    );
    const page = await ada.client.get(reviewPath(org.achievementId, adaTaskOnBen.id));
    const pageHtml = await page.text();
    expect(pageHtml).toContain("a fire drill every term");
    expect(pageHtml).toContain('type="radio"');
    expect(pageHtml).toContain("drill-plan.pdf");
    for (const html of [listHtml, pageHtml]) {
      for (const other of [ben, cleo]) {
        expect(html).not.toContain(other.name);
        expect(html).not.toContain(other.email);
        expect(html).not.toContain(other.enrolmentId);
      }
    }

    // Someone else's task (here Ben's, on Ada's own work): refused as if it did not exist, nothing changes.
    const benTaskOnAda = (await tasksOf(ben)).find((t) => t.submissionId === adaWork.id);
    if (!benTaskOnAda) throw new Error("task missing");
    const full = { "level-clarity": "crisp", "level-coverage": "complete", comment: "Well done." };
    const unassigned = await ada.client.submit(reviewPath(org.achievementId, benTaskOnAda.id), full);
    expect(unassigned.status).toBe(404);
    expect(await unassigned.text()).toContain("There is no such review task for you.");
    expect((await tasksOf(ben)).find((t) => t.id === benTaskOnAda.id)?.submittedAt).toBeNull();

    // A missing level, and a level of another criterion: the form again, with messages, and nothing recorded.
    const path = reviewPath(org.achievementId, adaTaskOnBen.id);
    const missing = await ada.client.submit(path, { "level-clarity": "crisp" });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Choose a level for “Coverage”.");
    const foreign = await ada.client.submit(path, { "level-clarity": "crisp", "level-coverage": "crisp" });
    expect(foreign.status).toBe(422);
    expect((await tasksOf(ada)).find((t) => t.id === adaTaskOnBen.id)?.submittedAt).toBeNull();
    expect(
      await sql("SELECT 1 FROM enrolments WHERE id = $1 AND status = 'completed'", [ada.enrolmentId]),
    ).toEqual([]);

    // The review: recorded, confirmed, and it meets the "reviews ≥ 1" rule, which awards the credential.
    const done = await ada.client.submit(path, full);
    expect(done.status).toBe(303);
    const confirmation = await (await ada.client.get(path)).text();
    expect(confirmation).toContain("Your review is submitted. Thank you.");
    expect(confirmation).toContain("You submitted this review on");
    const [enrolment] = await sql("SELECT status, award_id FROM enrolments WHERE id = $1", [ada.enrolmentId]);
    expect(enrolment?.status).toBe("completed");
    expect(enrolment?.award_id).toBeTruthy();

    // Again: refused, and the stored review is unchanged.
    const again = await ada.client.submit(path, { ...full, "level-clarity": "unclear", comment: "Changed" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("You already submitted this review");
    expect((await tasksOf(ada)).find((t) => t.id === adaTaskOnBen.id)?.comment).toBe("Well done.");

    // Cleo scores Ben's work far lower: the medians sit between, and the submission is flagged for an assessor.
    const cleoTaskOnBen = (await tasksOf(cleo)).find((t) => t.submissionId === benWork.id);
    if (!cleoTaskOnBen) throw new Error("task missing");
    expect(
      (
        await cleo.client.submit(reviewPath(org.achievementId, cleoTaskOnBen.id), {
          "level-clarity": "unclear",
          "level-coverage": "complete",
        })
      ).status,
    ).toBe(303);
    const summary = await ctx.deps.uow((r) => peerSummaryIn(r, benWork.id));
    expect(summary?.flagged).toBe(true);
    expect(summary?.criteria.map((c) => [c.criterionId, c.median, c.levelId, c.disagrees])).toEqual([
      ["clarity", 2, "clear", true],
      ["coverage", 3, "complete", false],
    ]);
    expect(summary?.reviews.map((r) => r.label)).toEqual(["Reviewer 1", "Reviewer 2"]);

    // The author's view of the reviews carries no trace of the reviewers.
    const feedback = JSON.stringify((await ctx.deps.uow((r) => peerFeedbackFor(r, benWork.id)))?.reviews);
    expect(feedback).toContain("Well done.");
    for (const reviewer of [ada, cleo]) expect(feedback).not.toContain(reviewer.enrolmentId);

    // Ben must finish his own reviews before he is graded.
    const gate = await ctx.deps.uow((r) => peerGateIn(r, benWork.id));
    expect(gate).toMatchObject({ open: false, done: 0, required: 2 });
    for (const t of await tasksOf(ben)) {
      await ben.client.submit(reviewPath(org.achievementId, t.id), {
        "level-clarity": "clear",
        "level-coverage": "complete",
      });
    }
    expect(await ctx.deps.uow((r) => peerGateIn(r, benWork.id))).toEqual({ open: true });

    // The health page lists the flag, with a link to the grading screen.
    const health = await org.owner.get(`/orgs/${org.slug}/assessments/peer-review`);
    expect(health.status).toBe(200);
    const healthHtml = await health.text();
    expect(healthHtml).toContain("Your safety plan");
    expect(healthHtml).toContain(`href="/orgs/${org.slug}/assessments/${benWork.id}"`);
    expect(healthHtml).toContain("reviewers disagree on Clarity");
    expect(healthHtml).not.toContain(`/assessments/${adaWork.id}"`);

    // Cleo revises: pending tasks on the replaced revision are withdrawn, completed ones stay, the new one is reviewed.
    const cleoAgain = await submitWork(ctx, org, cleo, "Cleo's plan, revised.", 2);
    const onOld = await sql("SELECT submitted_at FROM peer_reviews WHERE submission_id = $1", [cleoWork.id]);
    expect(onOld.every((row) => row.submitted_at !== null)).toBe(true);
    expect(await sql("SELECT 1 FROM peer_reviews WHERE submission_id = $1", [cleoAgain.id])).toHaveLength(2);
  });

  it("shows peer-review health only to the organization's graders", async () => {
    const guild = await peerOrganization(ctx, "Harbour Guild");
    const other = await peerOrganization(ctx, "Quarry School");
    const [a, b, c] = [
      await enrolledLearner(ctx, guild, "Ann Harbour"),
      await enrolledLearner(ctx, guild, "Bo Harbour"),
      await enrolledLearner(ctx, guild, "Cy Harbour"),
    ];
    for (const l of [a, b, c]) await submitWork(ctx, guild, l, `${l.name}'s plan.`);
    const own = await (await guild.owner.get(`/orgs/${guild.slug}/assessments/peer-review`)).text();
    expect(own).toContain("Harbour Guild Safety Planning");
    expect(own).toMatch(/Reviews pending<\/dt><dd>6<\/dd>/);
    // Another organization's owner sees only their own projects, and nothing of this one.
    expect((await other.owner.get(`/orgs/${guild.slug}/assessments/peer-review`)).status).toBe(404);
    const theirs = await (await other.owner.get(`/orgs/${other.slug}/assessments/peer-review`)).text();
    expect(theirs).toContain("Quarry School Safety Planning");
    expect(theirs).not.toContain("Harbour Guild");
    // A learner is no grader.
    expect((await a.client.get(`/orgs/${guild.slug}/assessments/peer-review`)).status).toBe(404);
    const stranger = await signedUp(ctx.app, { email: "peer-stranger@example.org" });
    expect((await stranger.get(`/learn/${guild.achievementId}/reviews`)).status).toBe(404);
  });
});

describe("files under peer review", () => {
  it("opens a submitted file to the reviewers assigned to it, as a download, and to no other learner", async () => {
    const org = await peerOrganization(ctx, "File Guild");
    const [ada, ben, cleo, dan] = [
      await enrolledLearner(ctx, org, "Ada File"),
      await enrolledLearner(ctx, org, "Ben File"),
      await enrolledLearner(ctx, org, "Cleo File"),
      await enrolledLearner(ctx, org, "Dan File"),
    ];
    await submitWork(ctx, org, ada, "Ada's plan.");
    const benWork = await submitWork(ctx, org, ben, "Ben's plan, see the drawing.");
    const cleoWork = await submitWork(ctx, org, cleo, "Cleo's plan.");
    const fileId = ctx.deps.newId();
    const key = ctx.deps.newId();
    await ctx.deps.fileStore.put(key, new TextEncoder().encode("<h1>plan</h1>"));
    await sql(
      "INSERT INTO submission_files (id, submission_id, name, media_type, size, storage_key, created_at) VALUES ($1, $2, 'plan.html', 'application/octet-stream', 13, $3, now())",
      [fileId, benWork.id, key],
    );
    const onBen = (await tasksOf(ada)).find((t) => t.submissionId === benWork.id);
    const onCleo = (await tasksOf(ada)).find((t) => t.submissionId === cleoWork.id);
    if (!onBen || !onCleo) throw new Error("Ada reviews Ben and Cleo");
    const page = await (await ada.client.get(reviewPath(org.achievementId, onBen.id))).text();
    const href = `${reviewPath(org.achievementId, onBen.id)}/files/${fileId}`;
    expect(page).toContain(`href="${href}"`);
    const download = await ada.client.get(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await download.text()).toBe("<h1>plan</h1>");

    // Through a task on other work, or by a learner with no task on it: no such file.
    const viaOther = await ada.client.get(`${reviewPath(org.achievementId, onCleo.id)}/files/${fileId}`);
    expect(viaOther.status).toBe(404);
    expect((await dan.client.get(href)).status).toBe(404);
    const stranger = (await tasksOf(dan))[0];
    if (stranger)
      expect(
        (await dan.client.get(`${reviewPath(org.achievementId, stranger.id)}/files/${fileId}`)).status,
      ).toBe(404);
  });
});
