/**
 * Peer-review assignment, decided one arrival at a time (learners submit at different times, so tasks are handed
 * out as submissions arrive rather than in one batch after a deadline).
 *
 * Reviewers are the project's submitters, named by their enrolment id; a learner's live submission is their latest
 * revision. When a submission arrives:
 *  1. it goes to the other submitters with the fewest tasks (ties: the earlier submitter), up to k reviews;
 *  2. its author, while holding fewer than k tasks, takes earlier submissions still short of k reviews, fewest
 *     reviews first, then oldest first — this is what gets the first submitters reviewed by those who come later;
 *  3. while its author still holds fewer than k tasks, they take over pending tasks from reviewers holding more
 *     than k (the early submitters, who reviewed each other and then absorbed the next arrivals);
 *  4. any live submission still short of k (possible only after resubmissions) is topped up from the
 *     least-loaded eligible submitters.
 * A resubmission replaces the author's earlier revision: pending tasks on the replaced revision are withdrawn
 * (nobody should review outdated work); completed reviews stay, and still count as work done.
 *
 * Guarantees (property-tested in peer-assignment.test.ts): never a self-review; never the same reviewer twice on a
 * submission; no submission ever gets more than k reviews; once at least k+1 learners have submitted, every live
 * submission has exactly k reviews, whatever the arrival order (with or without resubmissions); and while tasks
 * can still move (none completed yet) nobody holds more than k tasks. Completed reviews never move, so a learner
 * who reviewed quickly may end up with a little more than k: work they were given before others arrived.
 */

/** A live submission: one per author (their latest revision), in arrival order. */
export type PeerSubmission = { id: string; authorId: string };
/** A review task: reviewer `reviewerId` reviews `submissionId`; `done` once the review is submitted. */
export type PeerTask = { submissionId: string; reviewerId: string; done: boolean };
export type PeerAssignment = { submissionId: string; reviewerId: string };

export type ArrivalPlan = {
  /** New tasks to create. */
  assign: PeerAssignment[];
  /** Pending tasks on the author's replaced revisions, to delete. */
  withdraw: PeerAssignment[];
};

/**
 * What to do when `arrived` comes in. `live` is every submission of the project before it (any order of authors;
 * earlier revisions of the same author are taken as replaced); `tasks` every task of the project so far.
 */
export function planArrival(input: {
  k: number;
  live: readonly PeerSubmission[];
  tasks: readonly PeerTask[];
  arrived: PeerSubmission;
}): ArrivalPlan {
  const { k, arrived } = input;
  const replaced = new Set(
    input.live.filter((s) => s.authorId === arrived.authorId && s.id !== arrived.id).map((s) => s.id),
  );
  const withdraw = input.tasks
    .filter((t) => replaced.has(t.submissionId) && !t.done)
    .map(({ submissionId, reviewerId }) => ({ submissionId, reviewerId }));
  const withdrawn = new Set(withdraw.map((t) => `${t.submissionId} ${t.reviewerId}`));
  const tasks = input.tasks.filter((t) => !withdrawn.has(`${t.submissionId} ${t.reviewerId}`));

  // The live submissions after this arrival, one per author, in arrival order.
  const live = [...input.live.filter((s) => s.authorId !== arrived.authorId), arrived];
  const order = new Map(live.map((s, i) => [s.authorId, i]));
  const load = new Map<string, number>();
  const reviewers = new Map<string, Set<string>>();
  for (const t of tasks) {
    load.set(t.reviewerId, (load.get(t.reviewerId) ?? 0) + 1);
    reviewers.set(t.submissionId, (reviewers.get(t.submissionId) ?? new Set()).add(t.reviewerId));
  }
  const assign: PeerAssignment[] = [];
  const give = (submissionId: string, reviewerId: string) => {
    assign.push({ submissionId, reviewerId });
    load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
    reviewers.set(submissionId, (reviewers.get(submissionId) ?? new Set()).add(reviewerId));
  };
  const count = (submissionId: string) => reviewers.get(submissionId)?.size ?? 0;
  const leastLoaded = (submission: PeerSubmission) =>
    live
      .map((s) => s.authorId)
      .filter((a) => a !== submission.authorId && !reviewers.get(submission.id)?.has(a))
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const fill = (submission: PeerSubmission) => {
    for (const reviewer of leastLoaded(submission)) {
      if (count(submission.id) >= k) break;
      give(submission.id, reviewer);
    }
  };

  // 1. The arrival is reviewed by the least-loaded other submitters.
  fill(arrived);
  // 2. Its author takes earlier submissions still short of k, fewest reviews first, oldest first.
  const short = live
    .map((s, position) => ({ s, position }))
    .filter(
      ({ s }) =>
        s.authorId !== arrived.authorId && count(s.id) < k && !reviewers.get(s.id)?.has(arrived.authorId),
    )
    .sort((a, b) => count(a.s.id) - count(b.s.id) || a.position - b.position);
  for (const { s } of short) {
    if ((load.get(arrived.authorId) ?? 0) >= k) break;
    give(s.id, arrived.authorId);
  }
  // 3. While still under k, its author takes over pending tasks from reviewers holding more than k.
  for (;;) {
    if ((load.get(arrived.authorId) ?? 0) >= k) break;
    const moved = stealable(tasks, load, k, arrived.authorId, live, reviewers);
    if (!moved) break;
    withdraw.push(moved);
    load.set(moved.reviewerId, (load.get(moved.reviewerId) ?? 0) - 1);
    reviewers.get(moved.submissionId)?.delete(moved.reviewerId);
    give(moved.submissionId, arrived.authorId);
  }
  // 4. Anything still short (only after resubmissions) is topped up.
  for (const s of live) if (count(s.id) < k) fill(s);
  return { assign, withdraw };
}

/** The newest pending task of the most-loaded reviewer above k that `authorId` may take over, if any. */
function stealable(
  tasks: readonly PeerTask[],
  load: ReadonlyMap<string, number>,
  k: number,
  authorId: string,
  live: readonly PeerSubmission[],
  reviewers: ReadonlyMap<string, ReadonlySet<string>>,
): PeerAssignment | undefined {
  const authorOf = new Map(live.map((s) => [s.id, s.authorId]));
  // Only tasks that existed before this arrival move; the arrival's own tasks are never the author's to take.
  const pending = tasks.filter(
    (t) =>
      !t.done &&
      (load.get(t.reviewerId) ?? 0) > k &&
      authorOf.has(t.submissionId) &&
      authorOf.get(t.submissionId) !== authorId &&
      reviewers.get(t.submissionId)?.has(t.reviewerId) &&
      !reviewers.get(t.submissionId)?.has(authorId),
  );
  let best: PeerAssignment | undefined;
  for (const t of pending) {
    if (!best || (load.get(t.reviewerId) ?? 0) >= (load.get(best.reviewerId) ?? 0)) best = t;
  }
  return best && { submissionId: best.submissionId, reviewerId: best.reviewerId };
}
