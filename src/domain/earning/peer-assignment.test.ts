import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PeerSubmission, type PeerTask, planArrival } from "./peer-assignment.ts";

/** Plays a sequence of arrivals (author indexes; a repeated author resubmits) through the planner. */
function simulate(k: number, authors: readonly number[], doneAfter: ReadonlySet<number> = new Set()) {
  let live: PeerSubmission[] = [];
  let tasks: PeerTask[] = [];
  authors.forEach((author, step) => {
    const arrived = { id: `s${step}`, authorId: `a${author}` };
    const plan = planArrival({ k, live, tasks, arrived });
    const withdrawn = new Set(plan.withdraw.map((t) => `${t.submissionId} ${t.reviewerId}`));
    tasks = [
      ...tasks.filter((t) => !withdrawn.has(`${t.submissionId} ${t.reviewerId}`)),
      ...plan.assign.map((a) => ({ ...a, done: false })),
    ];
    live = [...live.filter((s) => s.authorId !== arrived.authorId), arrived];
    // Some reviews get done between arrivals (done reviews are never withdrawn).
    if (doneAfter.has(step)) tasks = tasks.map((t) => ({ ...t, done: true }));
  });
  return { live, tasks };
}

const reviewsOf = (tasks: readonly PeerTask[], id: string) => tasks.filter((t) => t.submissionId === id);
const loads = (tasks: readonly PeerTask[]) => {
  const load = new Map<string, number>();
  for (const t of tasks) load.set(t.reviewerId, (load.get(t.reviewerId) ?? 0) + 1);
  return load;
};

const firstArrivals = fc.integer({ min: 1, max: 5 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    // Distinct authors in a random order: everyone submits once.
    authors: fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    ),
  }),
);
const withResubmissions = fc.integer({ min: 1, max: 4 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    authors: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 }),
    doneAfter: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }).map((a) => new Set(a)),
  }),
);

describe("peer-review assignment as submissions arrive", () => {
  it("assigns the first three submitters to each other and reviews the first one once others arrive", () => {
    let { live, tasks } = simulate(2, [0]);
    expect(tasks).toEqual([]);
    ({ live, tasks } = simulate(2, [0, 1]));
    expect(tasks.map((t) => `${t.reviewerId}→${t.submissionId}`).sort()).toEqual(["a0→s1", "a1→s0"]);
    ({ live, tasks } = simulate(2, [0, 1, 2]));
    expect(live.map((s) => reviewsOf(tasks, s.id).length)).toEqual([2, 2, 2]);
    expect([...loads(tasks).values()]).toEqual([2, 2, 2]);
  });

  it("withdraws pending tasks on a replaced revision and has the new revision reviewed", () => {
    const { live, tasks } = simulate(2, [0, 1, 2, 0]);
    expect(tasks.filter((t) => t.submissionId === "s0")).toEqual([]);
    expect(live.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(
      reviewsOf(tasks, "s3")
        .map((t) => t.reviewerId)
        .sort(),
    ).toEqual(["a1", "a2"]);
  });

  it("keeps completed reviews of a replaced revision", () => {
    const { tasks } = simulate(1, [0, 1, 0], new Set([1]));
    expect(tasks.some((t) => t.submissionId === "s0" && t.done)).toBe(true);
  });

  it("never assigns a self-review or the same reviewer twice, and never more than k reviews", () => {
    fc.assert(
      fc.property(withResubmissions, ({ k, authors, doneAfter }) => {
        const { tasks } = simulate(k, authors, doneAfter);
        const submissionAuthor = new Map(authors.map((a, step) => [`s${step}`, `a${a}`]));
        for (const t of tasks) expect(t.reviewerId).not.toBe(submissionAuthor.get(t.submissionId));
        const pairs = tasks.map((t) => `${t.submissionId} ${t.reviewerId}`);
        expect(new Set(pairs).size).toBe(pairs.length);
        for (const id of submissionAuthor.keys()) expect(reviewsOf(tasks, id).length).toBeLessThanOrEqual(k);
      }),
    );
  });

  it("gives every submission k reviews once k+1 learners have submitted, whatever the arrival order", () => {
    fc.assert(
      fc.property(firstArrivals, ({ k, authors }) => {
        const { live, tasks } = simulate(k, authors);
        const expected = Math.min(k, authors.length - 1);
        for (const s of live) expect(reviewsOf(tasks, s.id)).toHaveLength(expected);
      }),
    );
  });

  it("still reaches k reviews per live submission with resubmissions and reviews done in between", () => {
    fc.assert(
      fc.property(withResubmissions, ({ k, authors, doneAfter }) => {
        const { live, tasks } = simulate(k, authors, doneAfter);
        if (live.length < k + 1) return;
        for (const s of live) expect(reviewsOf(tasks, s.id)).toHaveLength(k);
      }),
    );
  });

  it("balances the load: while no review is done, nobody holds more than k tasks", () => {
    fc.assert(
      fc.property(withResubmissions, ({ k, authors }) => {
        const { tasks } = simulate(k, authors);
        for (const n of loads(tasks).values()) expect(n).toBeLessThanOrEqual(k);
      }),
      { numRuns: 500 },
    );
  });

  it("hands late submitters work taken from the overloaded early ones", () => {
    // k=3: the first four review each other (3 tasks each); the fifth's submission lifts three of them to 4 …
    const { tasks } = simulate(3, [0, 1, 2, 3, 4]);
    // … and the fifth takes those three surplus tasks over.
    expect([...loads(tasks).values()]).toEqual([3, 3, 3, 3, 3]);
  });
});
