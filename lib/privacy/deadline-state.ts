// Where a request stands against its due day: a request is due on a whole UTC
// day and overdue from the next day on; closed requests have no deadline left.
import type { Clock } from "./clock";

export const dueSoonDays = 7;

export type DeadlineState = "overdue" | "due_soon" | "on_track" | "closed";

const dayMs = 24 * 60 * 60 * 1000;

/** 00:00Z of the UTC day `instant` falls on. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function addUtcDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * dayMs);
}

export function describeDeadline(
  request: { dueAt: Date; status: string },
  clock: Clock,
): { state: DeadlineState; daysLeft: number | null } {
  if (request.status === "fulfilled" || request.status === "refused") return { state: "closed", daysLeft: null };
  const today = startOfUtcDay(clock.now());
  const daysLeft = Math.round((startOfUtcDay(request.dueAt).getTime() - today.getTime()) / dayMs);
  if (daysLeft < 0) return { state: "overdue", daysLeft };
  if (daysLeft <= dueSoonDays) return { state: "due_soon", daysLeft };
  return { state: "on_track", daysLeft };
}

/** The dueAt bounds of "overdue" and "due within `days`" for database filters. */
export function deadlineBounds(clock: Clock, days: number): { overdueBefore: Date; dueSoonUntil: Date } {
  const today = startOfUtcDay(clock.now());
  return { overdueBefore: today, dueSoonUntil: addUtcDays(today, days) };
}
