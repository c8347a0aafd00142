import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quiz } from "../src/domain/earning/course.ts";
import { attemptSnapshot } from "../src/domain/earning/quiz-draw.ts";
import { keyAnswers } from "../src/domain/earning/quiz-grading.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { type BrowserClient, signedUp } from "./http-client.ts";

// Quizzes through the pages: attempts, limits, cool-down, the server-side deadline, and keys kept from the browser.

let ctx: TestContext;
let offsetMs = 0;
beforeAll(async () => {
  ctx = await startTestContext({ clock: () => new Date(Date.now() + offsetMs) });
});
afterAll(() => ctx.close());
const advance = (ms: number) => {
  offsetMs += ms;
};

let counter = 0;
const sql = async (text: string, params: unknown[] = []) =>
  (await ctx.database.executeSql(text, params)).rows;

/** A bank with one question of each kind; the numeric and text keys are words the page never otherwise shows. */
const bank = (): Quiz["questions"] => [
  {
    kind: "single",
    id: "capital",
    prompt: "Which city is the capital of Norway?",
    points: 1,
    options: [
      { id: "opt-bergen", text: "Bergen" },
      { id: "opt-oslo", text: "Oslo" },
      { id: "opt-tromso", text: "Tromsø" },
    ],
    correct: ["opt-oslo"],
  },
  {
    kind: "multiple",
    id: "primes",
    prompt: "Which of these are prime?",
    points: 1,
    options: [
      { id: "p2", text: "two" },
      { id: "p4", text: "four" },
      { id: "p7", text: "seven" },
    ],
    correct: ["p2", "p7"],
  },
  {
    kind: "numeric",
    id: "taxicab",
    prompt: "Hardy's taxi number?",
    points: 1,
    answer: 1729.25,
    tolerance: 0.5,
  },
  {
    kind: "text",
    id: "peak",
    prompt: "Africa's highest mountain?",
    points: 1,
    accepted: ["Kilimanjaro", "Mount Kibo"],
  },
];

async function course(settings: Partial<Quiz> = {}) {
  const n = ++counter;
  const owner = await signedUp(ctx.app, { email: `quiz-owner-${n}@example.org` });
  const slug = `quiz-org-${n}`;
  await owner.submit("/orgs", { name: `Quiz School ${n}`, slug });
  const created = await owner.submit(`/orgs/${slug}/achievements`, {
    name: `Navigation ${n}`,
    description: "Coastal navigation, assessed by quiz.",
    criteria: "Pass the quiz.",
    learningOutcomes: "Navigate",
    workloadHours: "10",
    ects: "1",
    eqfLevel: "4",
    assessmentType: "practical",
    participationForm: "onsite",
    qualityAssurance: "Reviewed yearly.",
  });
  const achievementId = created.headers.get("location")?.split("/").at(-1) ?? "";
  expect((await owner.submit(`/orgs/${slug}/achievements/${achievementId}/publish`, {})).status).toBe(303);
  const [org] = await sql("SELECT id FROM organizations WHERE slug = $1", [slug]);
  const organizationId = String(org?.id);
  const quiz: Quiz = {
    kind: "quiz",
    id: "final",
    title: "Final quiz",
    questions: bank(),
    shuffleOptions: true,
    passMark: 75,
    cooldownMinutes: 0,
    ...settings,
  };
  await ctx.deps.uow((r) =>
    r.courses.save({
      achievementId,
      organizationId,
      updatedAt: ctx.deps.clock(),
      enrolment: "open",
      modules: [{ id: "charts", title: "Charts", body: "Read the chart.", assessments: [quiz] }],
      rules: { kind: "quiz", quizId: "final", minPercent: 75 },
    }),
  );
  const learner = async (enrol = true) => {
    const email = `quiz-learner-${++counter}@example.org`;
    const client = await signedUp(ctx.app, { email, name: `Learner ${counter}` });
    const [user] = await sql("SELECT id FROM users WHERE email = $1", [email]);
    const enrolmentId = crypto.randomUUID();
    if (enrol)
      await ctx.deps.uow((r) =>
        r.enrolments.insert({
          id: enrolmentId,
          achievementId,
          organizationId,
          userId: String(user?.id),
          status: "active",
          createdAt: ctx.deps.clock(),
          decidedAt: null,
          decidedBy: null,
          completedAt: null,
          awardId: null,
          evidencePublic: false,
        }),
      );
    return { client, enrolmentId };
  };
  const path = `/learn/${achievementId}/quizzes/final`;
  return { owner, slug, achievementId, organizationId, learner, path };
}

const attempts = (enrolmentId: string) =>
  sql(
    "SELECT id, number, questions, answers, submitted_at, deadline_at, percent, passed FROM quiz_attempts WHERE enrolment_id = $1 ORDER BY number",
    [enrolmentId],
  );

async function start(client: BrowserClient, path: string) {
  const response = await client.submit(`${path}/start`, {});
  expect(response.status, await response.clone().text()).toBe(303);
  const location = response.headers.get("location") ?? "";
  return { location, attemptId: location.split("/").at(-1) ?? "" };
}

/** The form fields that answer an attempt: its key, or "wrong" (the first option / a wrong value). */
async function answersFor(attemptId: string, right: boolean) {
  const [row] = await sql("SELECT questions FROM quiz_attempts WHERE id = $1", [attemptId]);
  const snapshot = attemptSnapshot.parse(row?.questions);
  const key = keyAnswers(snapshot);
  const fields: Record<string, string[]> = {};
  for (const q of snapshot.questions) {
    fields[`q.${q.id}`] = right
      ? (key[q.id] ?? [])
      : q.kind === "single" || q.kind === "multiple"
        ? [q.options.find((o) => !q.correct.includes(o.id))?.id ?? ""]
        : ["0"];
  }
  return fields;
}

const submit = async (client: BrowserClient, path: string, attemptId: string, right: boolean) =>
  client.submit(`${path}/submit`, { attempt: attemptId, ...(await answersFor(attemptId, right)) });

describe("quizzes", () => {
  it("runs attempts: questions without keys, graded on submit, a cool-down, then a pass that completes the course", async () => {
    const school = await course({ drawCount: 4, cooldownMinutes: 10, maxAttempts: 3 });
    const { client, enrolmentId } = await school.learner();
    const intro = await (await client.get(school.path)).text();
    expect(intro).toContain("Final quiz");
    expect(intro).toContain("Start attempt 1");
    expect(intro).toContain("0 of 3 (3 left)");

    const first = await start(client, school.path);
    const page = await client.get(first.location);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Which city is the capital of Norway?");
    expect(html).toContain(`name="attempt" value="${first.attemptId}"`);
    // No key reaches the browser: not the numeric answer, not an accepted text, not a marker of the right option.
    for (const secret of ["1729", "Kilimanjaro", "Kibo", "correct", "tolerance", "accepted"])
      expect(html).not.toContain(secret);
    // Starting again resumes the open attempt rather than drawing another.
    expect((await start(client, school.path)).attemptId).toBe(first.attemptId);

    const failed = await submit(client, school.path, first.attemptId, false);
    expect(failed.status).toBe(303);
    const result = await (await client.get(first.location)).text();
    expect(result).toContain("Not passed");
    expect(result).toContain("0%");
    expect(result).toContain("Kilimanjaro or Mount Kibo");
    expect(result).toContain("1729.25 (± 0.5)");

    // The cool-down runs from the submission: refused, with nothing started.
    const cooling = await client.submit(`${school.path}/start`, {});
    expect(cooling.status).toBe(409);
    expect(await cooling.text()).toContain("You can try this quiz again in 10 minutes");
    expect(await attempts(enrolmentId)).toHaveLength(1);

    advance(10 * 60_000);
    const second = await start(client, school.path);
    expect(second.attemptId).not.toBe(first.attemptId);
    const passed = await submit(client, school.path, second.attemptId, true);
    expect(passed.status).toBe(303);
    const rows = await attempts(enrolmentId);
    expect(rows.map((r) => [r.number, r.percent, r.passed])).toEqual([
      [1, 0, false],
      [2, 100, true],
    ]);
    expect(await (await client.get(second.location)).text()).toContain("Passed");
    const progress = await ctx.deps.uow((r) => r.enrolments.progress(enrolmentId));
    expect(progress.quizBest).toEqual({ final: 100 });
    // The rules asked for this quiz only: passing it completed the course and awarded the credential, once.
    const [enrolment] = await sql("SELECT status, award_id FROM enrolments WHERE id = $1", [enrolmentId]);
    expect(enrolment?.status).toBe("completed");
    expect(await sql("SELECT id FROM awards WHERE achievement_id = $1", [school.achievementId])).toHaveLength(
      1,
    );
    const after = await (await client.get(school.path)).text();
    expect(after).toContain("Best score</dt><dd>100%");
    expect(after).toContain("You have completed this course.");
    expect(after).toContain("2 of 3 (1 left)");
  });

  it("refuses a duplicate submission and an attempt past the limit, changing nothing", async () => {
    const school = await course({ maxAttempts: 1 });
    const { client, enrolmentId } = await school.learner();
    const { attemptId } = await start(client, school.path);
    expect((await submit(client, school.path, attemptId, false)).status).toBe(303);
    const before = await attempts(enrolmentId);

    const again = await submit(client, school.path, attemptId, true);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already submitted");
    expect(await attempts(enrolmentId)).toEqual(before);

    const more = await client.submit(`${school.path}/start`, {});
    expect(more.status).toBe(409);
    expect(await more.text()).toContain("You have used all 1 attempts");
    expect(await attempts(enrolmentId)).toEqual(before);
  });

  it("enforces the time limit on the server: a late submission is refused and counts as an expired attempt", async () => {
    const school = await course({ timeLimitMinutes: 5, maxAttempts: 3 });
    const { client, enrolmentId } = await school.learner();
    const first = await start(client, school.path);
    expect(await (await client.get(first.location)).text()).toContain("Submit by");
    // Within the 30-second grace the answers are accepted (wrong ones: a pass would complete the course).
    advance(5 * 60_000 + 20_000);
    expect((await submit(client, school.path, first.attemptId, false)).status).toBe(303);

    const second = await start(client, school.path);
    advance(5 * 60_000 + 31_000);
    const late = await submit(client, school.path, second.attemptId, true);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Time was up for this attempt");
    const [, expired] = await attempts(enrolmentId);
    expect(expired?.answers).toBeNull();
    expect(expired?.percent).toBe(0);
    expect(expired?.passed).toBe(false);
    expect(new Date(String(expired?.submitted_at)).getTime()).toBe(
      new Date(String(expired?.deadline_at)).getTime(),
    );
    const intro = await (await client.get(school.path)).text();
    expect(intro).toContain("Time ran out");
    expect(intro).toContain("2 of 3 (1 left)");
    // Submitting it once more is a duplicate.
    expect((await submit(client, school.path, second.attemptId, true)).status).toBe(409);
  });

  it("refuses tampered forms: another learner's attempt, answers to questions not drawn, unknown options", async () => {
    const school = await course({ drawCount: 2 });
    const alice = await school.learner();
    const bob = await school.learner();
    const aliceAttempt = await start(alice.client, school.path);
    const before = await attempts(alice.enrolmentId);

    // Bob posts answers to Alice's attempt: not his, so not found, and nothing changes.
    const stolen = await bob.client.submit(`${school.path}/submit`, {
      attempt: aliceAttempt.attemptId,
      ...(await answersFor(aliceAttempt.attemptId, true)),
    });
    expect(stolen.status).toBe(404);
    expect((await bob.client.get(aliceAttempt.location)).status).toBe(404);
    expect(await attempts(alice.enrolmentId)).toEqual(before);
    expect(await attempts(bob.enrolmentId)).toEqual([]);

    // Answers to a question this attempt did not draw.
    const drawn = new Set(attemptSnapshot.parse(before[0]?.questions).questions.map((q) => q.id));
    const undrawn = bank().find((q) => !drawn.has(q.id))?.id ?? "";
    const extra = await alice.client.submit(`${school.path}/submit`, {
      attempt: aliceAttempt.attemptId,
      ...(await answersFor(aliceAttempt.attemptId, true)),
      [`q.${undrawn}`]: "x",
    });
    expect(extra.status).toBe(422);
    expect(await extra.text()).toContain("do not match the questions of this attempt");
    const forged = await alice.client.submit(`${school.path}/submit`, {
      attempt: aliceAttempt.attemptId,
      "q.capital": "opt-madeup",
    });
    // Whether or not this attempt drew the question, an option it never had is refused.
    expect(forged.status).toBe(422);
    expect(await attempts(alice.enrolmentId)).toEqual(before);

    // The untampered form still goes through afterwards.
    expect((await submit(alice.client, school.path, aliceAttempt.attemptId, true)).status).toBe(303);
  });

  it("lets only enrolled learners in", async () => {
    const school = await course();
    const { client } = await school.learner(false);
    const intro = await client.get(school.path);
    expect(intro.status).toBe(403);
    expect(await intro.text()).toContain("Enrol in this course");
    expect((await client.submit(`${school.path}/start`, {})).status).toBe(403);
    expect((await client.get(`/learn/${school.achievementId}/quizzes/nope`)).status).toBe(404);
  });
});

describe("the quiz editor", () => {
  const stored = async (achievementId: string) => {
    const [row] = await sql("SELECT content FROM courses WHERE achievement_id = $1", [achievementId]);
    const content = row?.content as { modules: { assessments: Quiz[] }[] };
    return content.modules[0]?.assessments[0] as Quiz;
  };

  it("edits settings and the question bank, re-rendering readable messages for bad input", async () => {
    const school = await course();
    const editor = `/orgs/${school.slug}/achievements/${school.achievementId}/course/quizzes/final`;
    const page = await (await school.owner.get(editor)).text();
    expect(page).toContain("Quiz: Final quiz");
    expect(page).toContain("Question bank (4)");
    const original = await stored(school.achievementId);

    const bad = await school.owner.submit(editor, { title: "", passMark: "150", cooldownMinutes: "0" });
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain("Name the quiz.");
    expect(badText).toContain("Give the pass mark as a percentage from 0 to 100.");
    expect(await stored(school.achievementId)).toEqual(original);

    const saved = await school.owner.submit(editor, {
      title: "Chart quiz",
      passMark: "80",
      drawCount: "2",
      maxAttempts: "",
      cooldownMinutes: "5",
      timeLimitMinutes: "",
    });
    expect(saved.status, await saved.clone().text()).toBe(303);
    const settings = await stored(school.achievementId);
    expect(settings).toMatchObject({
      title: "Chart quiz",
      passMark: 80,
      drawCount: 2,
      shuffleOptions: false,
    });
    expect(settings.cooldownMinutes).toBe(5);
    expect(settings.maxAttempts).toBeUndefined();
    expect(settings.questions).toEqual(original.questions);

    const noKey = await school.owner.submit(`${editor}/questions`, {
      kind: "single",
      prompt: "Which star marks north?",
      points: "1",
      option0: "Polaris",
      option1: "Sirius",
    });
    expect(noKey.status).toBe(422);
    expect(await noKey.text()).toContain("Mark exactly one option correct.");
    const notNumber = await school.owner.submit(`${editor}/questions`, {
      kind: "numeric",
      prompt: "Knots in a mile?",
      answer: "many",
    });
    expect(notNumber.status).toBe(422);
    expect(await notNumber.text()).toContain("Give the answer as a number");
    expect((await stored(school.achievementId)).questions).toHaveLength(4);

    const added = await school.owner.submit(`${editor}/questions`, {
      kind: "text",
      prompt: "Which star marks north?",
      points: "2",
      accepted: "Polaris\nNorth Star\n",
    });
    expect(added.status).toBe(303);
    const withText = (await stored(school.achievementId)).questions;
    expect(withText.at(-1)).toMatchObject({ kind: "text", points: 2, accepted: ["Polaris", "North Star"] });

    const editPage = await (await school.owner.get(`${editor}/questions/capital`)).text();
    expect(editPage).toContain('value="Oslo"');
    const edited = await school.owner.submit(`${editor}/questions/capital`, {
      kind: "single",
      prompt: "Which city is the capital of Norway today?",
      points: "1",
      optionId0: "opt-bergen",
      option0: "Bergen",
      optionId1: "opt-oslo",
      option1: "Oslo",
      option2: "Trondheim",
      correct: "1",
    });
    expect(edited.status).toBe(303);
    const capital = (await stored(school.achievementId)).questions.find((q) => q.id === "capital");
    expect(capital).toMatchObject({
      prompt: "Which city is the capital of Norway today?",
      correct: ["opt-oslo"],
    });
    expect(capital?.kind === "single" && capital.options.map((o) => o.text)).toEqual([
      "Bergen",
      "Oslo",
      "Trondheim",
    ]);

    expect((await school.owner.submit(`${editor}/questions/primes/delete`, {})).status).toBe(303);
    expect((await stored(school.achievementId)).questions.map((q) => q.id)).toEqual([
      "capital",
      "taxicab",
      "peak",
      withText.at(-1)?.id,
    ]);
  });

  it("is closed to people outside the organization", async () => {
    const school = await course();
    const editor = `/orgs/${school.slug}/achievements/${school.achievementId}/course/quizzes/final`;
    const { client } = await school.learner();
    expect((await client.get(editor)).status).toBe(404);
    const original = await stored(school.achievementId);
    const refused = await client.submit(editor, { title: "Hijacked", passMark: "0", cooldownMinutes: "0" });
    expect(refused.status).toBe(404);
    expect((await client.submit(`${editor}/questions/peak/delete`, {})).status).toBe(404);
    expect(await stored(school.achievementId)).toEqual(original);
  });
});
