// Dev tool: imported first, it times every better-sqlite3 statement of this
// process by SQL text and prints the slowest at exit.
import Database from "better-sqlite3";

const totals = new Map<string, { ms: number; calls: number }>();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, source: string) {
  const statement = prepare.call(this, source) as Database.Statement;
  for (const method of ["all", "get", "run", "iterate"] as const) {
    const original = (statement as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
    (statement as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const key = source.replace(/\s+/g, " ").slice(0, 400);
        const entry = totals.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - started;
        entry.calls++;
        totals.set(key, entry);
      }
    };
  }
  return statement;
} as typeof prepare;

process.on("exit", () => {
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 80);
  let sum = 0;
  for (const [, v] of totals) sum += v.ms;
  console.error(`SQL total ${Math.round(sum)} ms`);
  for (const [sql, v] of rows)
    console.error(`${Math.round(v.ms).toString().padStart(7)} ms ${String(v.calls).padStart(6)}x  ${sql}`);
});
