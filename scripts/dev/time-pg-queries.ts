// Dev tool: imported first, it times every node-postgres query of this process
// by SQL text (wall time from send to result, promise or callback form) and
// prints the slowest at exit.
import pg from "pg";
import { recordStatementTimings } from "./statement-timings";

const record = recordStatementTimings("pg", { top: 30, keyLength: 200 });
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string } | undefined;
  const text = typeof config === "string" ? config : (config?.text ?? "(submittable)");
  const started = performance.now();
  const done = () => record(text, performance.now() - started);
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (...results: unknown[]) => {
      done();
      return (callback as (...a: unknown[]) => unknown)(...results);
    };
  }
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
  return result;
} as typeof query;
