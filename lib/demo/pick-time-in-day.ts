// A moment inside one UTC day, weighted towards European and US office hours.
import type { Random } from "@/lib/demo/create-random";

const DAY_MS = 86_400_000;
// Relative activity per UTC hour 00..23.
const hourWeights: readonly (readonly [number, number])[] = [
  0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 3, 5, 6, 6, 5.5, 5, 5.5, 6, 6.5, 6, 5, 4, 3, 2.2, 1.6, 1.2, 0.8,
].map((weight, hour) => [hour, weight] as const);

/** Milliseconds since the epoch, within [dayStartMs, dayStartMs + 1 day). */
export function pickTimeInDay(random: Random, dayStartMs: number, uniform = false): number {
  if (uniform) return dayStartMs + Math.floor(random.next() * DAY_MS);
  const hour = random.pickWeighted(hourWeights);
  return dayStartMs + hour * 3_600_000 + Math.floor(random.next() * 3_600_000);
}
