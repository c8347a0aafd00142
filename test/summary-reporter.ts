// Prints `N passed, N failed[, N skipped]` as the very last line of a test run; CI tooling reads it.
import type { SerializedError } from "vitest";
import type { Reporter, TestModule, TestRunEndReason, Vitest } from "vitest/node";

export type Counts = { passed: number; failed: number; skipped: number };

/**
 * Counts test cases across all projects. A failure that belongs to no test case (a file that fails to
 * load, a failing beforeAll/afterAll, an unhandled error) counts as one failed, so a broken run can
 * never read "0 failed" (nor can a run that found no test files, or was interrupted).
 */
export function countResults(
  modules: ReadonlyArray<TestModule>,
  unhandledErrors: number,
  reason: TestRunEndReason,
): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") counts.passed += 1;
      else if (state === "failed") failedTests += 1;
      else if (state === "skipped") counts.skipped += 1;
    }
    counts.failed += failedTests;
    if (failedTests === 0 && module.state() === "failed") counts.failed += 1;
  }
  counts.failed += unhandledErrors;
  // e.g. "No test files found", or an interrupted run
  if (reason !== "passed" && counts.failed === 0) counts.failed = 1;
  return counts;
}

export function summaryLine({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

export default class SummaryReporter implements Reporter {
  private watch = false;
  private pending: string | undefined;
  private readonly printAtExit = () => {
    if (this.pending !== undefined) process.stdout.write(`${this.pending}\n`);
  };

  onInit(vitest: Vitest): void {
    this.watch = vitest.config.watch;
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const line = summaryLine(countResults(modules, unhandledErrors.length, reason));
    if (this.watch) {
      process.stdout.write(`${line}\n`);
      return;
    }
    // In a single run, globalSetup teardown (and its error messages) comes after onTestRunEnd, so the
    // line is written when the process exits (stdout writes are synchronous on Linux), which keeps it last.
    if (this.pending === undefined) process.once("exit", this.printAtExit);
    this.pending = line;
  }
}
