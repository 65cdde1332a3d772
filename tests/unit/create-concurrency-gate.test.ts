import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createConcurrencyGate, type ReleaseSlot } from "@/lib/process/create-concurrency-gate";

describe("createConcurrencyGate", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives up to `limit` slots at once and the next ones, in order, as slots are released", async () => {
    const gate = createConcurrencyGate(() => ({ limit: 2, maxWaiting: 10, maxWaitMs: 1_000 }));
    const first = (await gate.acquire())!;
    const second = (await gate.acquire())!;
    const order: string[] = [];
    const third = gate.acquire().then((release) => (order.push("third"), release));
    const fourth = gate.acquire().then((release) => (order.push("fourth"), release));
    await Promise.resolve();
    expect([gate.active, gate.waiting]).toEqual([2, 2]);

    second();
    second(); // a second release of the same slot frees nothing more
    const thirdRelease = (await third)!;
    expect(order).toEqual(["third"]);
    expect([gate.active, gate.waiting]).toEqual([2, 1]);

    first();
    expect(await fourth).toBeTypeOf("function");
    expect(order).toEqual(["third", "fourth"]);
    thirdRelease();
    expect([gate.active, gate.waiting]).toEqual([1, 0]);
  });

  it("answers null to a caller still in line after maxWaitMs, and its place goes to no one", async () => {
    const gate = createConcurrencyGate(() => ({ limit: 1, maxWaiting: 10, maxWaitMs: 500 }));
    const holder = (await gate.acquire())!;
    const waiting = gate.acquire();
    await vi.advanceTimersByTimeAsync(499);
    expect(gate.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toBeNull();
    expect([gate.active, gate.waiting]).toEqual([1, 0]);
    holder();
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it("refuses at once when the line is full, and a newcomer never overtakes the line", async () => {
    const gate = createConcurrencyGate(() => ({ limit: 1, maxWaiting: 1, maxWaitMs: 10_000 }));
    const holder = (await gate.acquire())!;
    const inLine = gate.acquire();
    expect(await gate.acquire()).toBeNull();
    holder();
    const next = (await inLine) as ReleaseSlot;
    expect(gate.active).toBe(1);
    next();
    expect(gate.active).toBe(0);
  });

  it("reads its options at each acquire", async () => {
    let limit = 1;
    const gate = createConcurrencyGate(() => ({ limit, maxWaiting: 0, maxWaitMs: 0 }));
    expect(await gate.acquire()).toBeTypeOf("function");
    expect(await gate.acquire()).toBeNull();
    limit = 2;
    expect(await gate.acquire()).toBeTypeOf("function");
  });
});
