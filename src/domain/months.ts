// Calendar months in UTC, as reports and filters count them.

/**
 * The start (UTC) of the day `months` calendar months before `now`, clamped to the month's end: on 30 June 2025,
 * 36 months reaches back to 30 June 2022 00:00, so a credential earned any time that day still counts (learners
 * read "within 36 months" in days, not hours); one month before 31 March is the last day of February.
 */
export function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay)));
}

/**
 * The last `count` UTC months ending with the current one, each with the moment coverage is read: the last
 * millisecond of the month, or `now` for the month in progress.
 */
export function monthEnds(now: Date, count: number): { month: string; at: Date }[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(year, month - (count - 1) + i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - 1);
    const key = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
    return { month: key, at: end < now ? end : now };
  });
}
