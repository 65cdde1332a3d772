// Dev tool: imported first, it times every better-sqlite3 statement of this
// process by SQL text and prints the slowest at exit.
import Database from "better-sqlite3";
import { recordStatementTimings } from "./statement-timings";

const record = recordStatementTimings("SQL", { top: 80, keyLength: 400 });
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
        record(source, performance.now() - started);
      }
    };
  }
  return statement;
} as typeof prepare;
