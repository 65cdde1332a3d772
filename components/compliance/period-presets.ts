// Quick periods for the Generate form and the Reports list's period filter, in
// whole UTC days: the last 30 days (today included), the last full calendar
// month, the last full calendar quarter.
export type PeriodPreset = {
  id: "last-30-days" | "last-month" | "last-quarter";
  label: string;
  from: string;
  to: string;
};

function day(year: number, month: number, date: number): string {
  return new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);
}

export function periodPresets(now: Date = new Date()): PeriodPreset[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const quarterStart = month - (month % 3);
  return [
    {
      id: "last-30-days",
      label: "Last 30 days",
      from: day(year, month, now.getUTCDate() - 29),
      to: day(year, month, now.getUTCDate()),
    },
    // Day 0 of a month is the last day of the one before.
    { id: "last-month", label: "Last month", from: day(year, month - 1, 1), to: day(year, month, 0) },
    { id: "last-quarter", label: "Last quarter", from: day(year, quarterStart - 3, 1), to: day(year, quarterStart, 0) },
  ];
}

/** The preset that spans exactly these days today, if any. */
export function findPeriodPreset(from: string, to: string, now: Date = new Date()): PeriodPreset | undefined {
  return periodPresets(now).find((preset) => preset.from === from && preset.to === to);
}
