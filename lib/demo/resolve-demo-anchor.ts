// The day the demo's 180 days end on: a given YYYY-MM-DD, or today, as UTC
// midnight. Activity fills the 180 whole days before it; fixing it makes a
// seed reproducible.

export function resolveDemoAnchor(anchor?: string | Date, now: Date = new Date()): Date {
  if (anchor instanceof Date) {
    if (Number.isNaN(anchor.getTime())) throw new RangeError("anchor is not a valid date");
    return new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate()));
  }
  if (anchor === undefined) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchor);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== anchor)
    throw new RangeError(`anchor must be a date YYYY-MM-DD, got "${anchor}"`);
  return day;
}
