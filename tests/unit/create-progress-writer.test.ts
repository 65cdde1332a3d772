import { describe, expect, it } from "vitest";
import { createProgressWriter } from "@/lib/compliance/jobs/create-progress-writer";

/** A progress writer on a fake clock whose writes end only when the test lets them. */
function writerWithGatedWrites(intervalMs = 1000) {
  let clock = 0;
  const started: number[] = [];
  const pending: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const writer = createProgressWriter(
    (percent) =>
      new Promise<void>((resolve, reject) => {
        started.push(percent);
        pending.push({ resolve, reject });
      }),
    { intervalMs, now: () => clock },
  );
  return {
    writer,
    started,
    advance: (ms: number) => (clock += ms),
    finishWrite: async () => {
      pending.shift()!.resolve();
      await Promise.resolve();
      await Promise.resolve();
    },
    failWrite: async (error: unknown) => {
      pending.shift()!.reject(error);
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe("createProgressWriter", () => {
  it("starts a write and returns at once, without waiting for it to end", () => {
    const { writer, started } = writerWithGatedWrites();
    expect(writer.record(10)).toBeUndefined();
    expect(started).toEqual([10]);
  });

  it("keeps one write in flight: a later percentage waits for the next interval after it ends", async () => {
    const gated = writerWithGatedWrites();
    gated.writer.record(10);
    gated.advance(1500);
    gated.writer.record(20);
    expect(gated.started).toEqual([10]);
    await gated.finishWrite();
    gated.writer.record(30);
    expect(gated.started).toEqual([10, 30]);
  });

  it("writes no more often than the interval, and not the same percentage twice", async () => {
    const gated = writerWithGatedWrites(1000);
    gated.writer.record(10);
    await gated.finishWrite();
    gated.advance(400);
    gated.writer.record(20);
    gated.advance(700);
    gated.writer.record(20);
    await gated.finishWrite();
    gated.advance(2000);
    gated.writer.record(20);
    expect(gated.started).toEqual([10, 20]);
  });

  it("throws a failed write's error at the next check, the next record and settle", async () => {
    const gated = writerWithGatedWrites();
    const lost = new Error("lease lost");
    gated.writer.record(10);
    expect(() => gated.writer.check()).not.toThrow();
    await gated.failWrite(lost);
    expect(() => gated.writer.check()).toThrow(lost);
    expect(() => gated.writer.record(20)).toThrow(lost);
    await expect(gated.writer.settle()).rejects.toBe(lost);
    expect(gated.started).toEqual([10]);
  });

  it("settles only once the write in flight has ended", async () => {
    const gated = writerWithGatedWrites();
    gated.writer.record(10);
    let settled = false;
    const settling = gated.writer.settle().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await gated.finishWrite();
    await settling;
    expect(settled).toBe(true);
  });
});
