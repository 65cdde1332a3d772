import { describe, expect, it } from "vitest";
import { apportionCount } from "@/lib/demo/apportion-count";
import { createRandom } from "@/lib/demo/create-random";
import { resolveDemoAnchor } from "@/lib/demo/resolve-demo-anchor";

const draw = (seed: string, n = 50) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe("createRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draw("attest")).toEqual(draw("attest"));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw("attest")).not.toEqual(draw("attest2"));
  });

  it("keeps to its ranges", () => {
    const random = createRandom("ranges");
    for (let i = 0; i < 5_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
    }
  });

  it("reaches every value of a small range roughly evenly", () => {
    const random = createRandom("spread");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[random.int(0, 3)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(9_000);
  });

  it("forks independent, reproducible streams", () => {
    const root = createRandom("root");
    const a1 = root.fork("emails").next();
    root.next(); // using the parent does not shift a fork
    const a2 = createRandom("root").fork("emails").next();
    expect(a1).toBe(a2);
    expect(createRandom("root").fork("audit").next()).not.toBe(a1);
  });

  it("picks by weight and never picks a zero weight", () => {
    const random = createRandom("weights");
    const pick = random.weighted([
      ["a", 3],
      ["b", 1],
      ["never", 0],
    ] as const);
    const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[pick()]!++;
    expect(counts.never).toBe(0);
    expect(counts.a! / counts.b!).toBeGreaterThan(2.6);
    expect(counts.a! / counts.b!).toBeLessThan(3.4);
  });

  it("samples distinct items in their original order", () => {
    const random = createRandom("sample");
    const items = ["a", "b", "c", "d", "e", "f"];
    for (let i = 0; i < 200; i++) {
      const chosen = random.sample(items, 3);
      expect(chosen).toHaveLength(3);
      expect(new Set(chosen).size).toBe(3);
      expect([...chosen].sort((x, y) => items.indexOf(x) - items.indexOf(y))).toEqual(chosen);
    }
  });
});

describe("apportionCount", () => {
  it("splits a total exactly, proportionally to the weights", () => {
    const parts = apportionCount(1_000, [1, 1, 0.5, 0]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(parts).toEqual([400, 400, 200, 0]);
  });

  it("hands out remainders so the sum still matches", () => {
    const parts = apportionCount(10, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
  });
});

describe("resolveDemoAnchor", () => {
  it("is UTC midnight of the given day", () => {
    expect(resolveDemoAnchor("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("defaults to today at UTC midnight", () => {
    expect(resolveDemoAnchor(undefined, new Date("2026-11-27T23:59:00.000Z")).toISOString()).toBe(
      "2026-11-27T00:00:00.000Z",
    );
  });

  it("refuses impossible or malformed dates", () => {
    expect(() => resolveDemoAnchor("2026-02-30")).toThrow(RangeError);
    expect(() => resolveDemoAnchor("27/11/2026")).toThrow(RangeError);
  });
});
