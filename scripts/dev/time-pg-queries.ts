// Dev tool: imported first, it times every node-postgres query of this process
// by SQL text (wall time from send to result) and prints the slowest at exit.
import pg from "pg";

const totals = new Map<string, { ms: number; calls: number }>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string } | undefined;
  const text = typeof config === "string" ? config : (config?.text ?? "(submittable)");
  const started = performance.now();
  const record = () => {
    const key = text.replace(/\s+/g, " ").slice(0, 200);
    const entry = totals.get(key) ?? { ms: 0, calls: 0 };
    entry.ms += performance.now() - started;
    entry.calls++;
    totals.set(key, entry);
  };
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function") {
    (result as Promise<unknown>).then(record, record);
  }
  return result;
} as typeof query;

process.on("exit", () => {
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
  let sum = 0;
  for (const [, v] of totals) sum += v.ms;
  console.error(`pg total ${Math.round(sum)} ms`);
  for (const [sql, v] of rows)
    console.error(`${Math.round(v.ms).toString().padStart(7)} ms ${String(v.calls).padStart(6)}x  ${sql}`);
});
