// Dev tools' shared tally: time per SQL text, printed slowest first at exit.
export function recordStatementTimings(label: string, options: { top: number; keyLength: number }) {
  const totals = new Map<string, { ms: number; calls: number }>();
  process.on("exit", () => {
    let sum = 0;
    for (const [, entry] of totals) sum += entry.ms;
    console.error(`${label} total ${Math.round(sum)} ms`);
    const slowest = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, options.top);
    for (const [sql, entry] of slowest) {
      console.error(`${Math.round(entry.ms).toString().padStart(7)} ms ${String(entry.calls).padStart(6)}x  ${sql}`);
    }
  });
  return (sql: string, ms: number) => {
    const key = sql.replace(/\s+/g, " ").slice(0, options.keyLength);
    const entry = totals.get(key) ?? { ms: 0, calls: 0 };
    entry.ms += ms;
    entry.calls++;
    totals.set(key, entry);
  };
}
