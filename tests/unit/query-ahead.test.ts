// queryAhead: a report's aggregate queries started early, in order, a given
// number at a time, each awaited by the section that needs it.
import { describe, expect, it } from "vitest";
import { queryAhead } from "@/lib/compliance/reports/query-ahead";

const passing = { checkpoint: () => undefined };

/** A task that records when it starts and finishes only when released. */
function controlledTask<T>(log: string[], name: string, value: T) {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await gate;
      return value;
    },
    release: () => release(),
    fail: (error: Error) => fail(error),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("queryAhead", () => {
  it("starts tasks in order, at most two at a time when asked, and resolves each with its own result", async () => {
    const log: string[] = [];
    const a = controlledTask(log, "a", 1);
    const b = controlledTask(log, "b", "two");
    const c = controlledTask(log, "c", { three: 3 });
    const ahead = queryAhead(passing, [a.run, b.run, c.run], 2);
    expect(log).toEqual(["start a", "start b"]);

    b.release();
    await settle();
    expect(log).toEqual(["start a", "start b", "start c"]);
    a.release();
    c.release();

    const [first, second, third] = ahead.results;
    expect(await first).toBe(1);
    expect(await second).toBe("two");
    expect(await third).toEqual({ three: 3 });
  });

  it("runs one at a time by default", async () => {
    const log: string[] = [];
    const a = controlledTask(log, "a", 1);
    const b = controlledTask(log, "b", 2);
    const ahead = queryAhead(passing, [a.run, b.run]);
    expect(log).toEqual(["start a"]);
    a.release();
    await settle();
    expect(log).toEqual(["start a", "start b"]);
    b.release();
    expect(await ahead.results[1]).toBe(2);
  });

  it("after a failure starts nothing more, and the later results reject with that failure", async () => {
    const log: string[] = [];
    const a = controlledTask(log, "a", 1);
    const b = controlledTask(log, "b", 2);
    const c = controlledTask(log, "c", 3);
    const ahead = queryAhead(passing, [a.run, b.run, c.run], 1);
    const broken = new Error("no such table: AuditEvent");
    a.fail(broken);
    await settle();

    expect(log).toEqual(["start a"]);
    await expect(ahead.results[0]).rejects.toBe(broken);
    await expect(ahead.results[1]).rejects.toBe(broken);
    await expect(ahead.results[2]).rejects.toBe(broken);
  });

  it("starts no query once the job's checkpoint throws", async () => {
    const log: string[] = [];
    let stopping = false;
    const ctx = {
      checkpoint: () => {
        if (stopping) throw new Error("The worker is stopping");
      },
    };
    const a = controlledTask(log, "a", 1);
    const b = controlledTask(log, "b", 2);
    const ahead = queryAhead(ctx, [a.run, b.run], 1);
    stopping = true;
    a.release();
    await settle();

    expect(log).toEqual(["start a"]);
    expect(await ahead.results[0]).toBe(1);
    await expect(ahead.results[1]).rejects.toThrow("The worker is stopping");
  });

  it("stop() leaves the tasks not yet started unrun, and lets running ones finish", async () => {
    const log: string[] = [];
    const a = controlledTask(log, "a", 1);
    const b = controlledTask(log, "b", 2);
    const ahead = queryAhead(passing, [a.run, b.run], 1);
    ahead.stop();
    a.release();
    await settle();

    expect(log).toEqual(["start a"]);
    expect(await ahead.results[0]).toBe(1);
    await expect(ahead.results[1]).rejects.toThrow("ended before this query ran");
  });
});
