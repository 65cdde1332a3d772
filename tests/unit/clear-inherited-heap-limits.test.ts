// `npm start` sizes the main thread's heap with V8 flags; V8 flags are
// process-wide, so the server clears them before any worker thread starts.
import v8 from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { clearInheritedHeapLimits } from "@/lib/process/clear-inherited-heap-limits";
import { workerHeapLimitMb } from "@/tests/support/worker-heap-limit";

afterEach(() => clearInheritedHeapLimits());

describe("clearInheritedHeapLimits", () => {
  it("lets a worker thread started afterwards keep its own heap limit", async () => {
    v8.setFlagsFromString("--max-old-space-size=512");
    // While the flag stands it overrides the worker's own limit: the reason to clear it.
    expect(await workerHeapLimitMb({ maxOldGenerationSizeMb: 32 })).toBeGreaterThanOrEqual(512);

    clearInheritedHeapLimits();

    const own = await workerHeapLimitMb({ maxOldGenerationSizeMb: 32 });
    expect(own).toBeGreaterThanOrEqual(32);
    expect(own).toBeLessThan(128);
  });

  it("leaves a worker without a limit of its own on V8's default, not the main thread's cap", async () => {
    const defaultMb = await workerHeapLimitMb();
    v8.setFlagsFromString("--max-old-space-size=96");
    clearInheritedHeapLimits();
    expect(await workerHeapLimitMb()).toBe(defaultMb);
  });

  it("lets a worker thread started afterwards keep its own young generation", async () => {
    const limits = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 48 };
    v8.setFlagsFromString("--max-semi-space-size=2");
    // V8's limit is the old generation plus the young one; the flag's young generation is 6 MB.
    const own = limits.maxOldGenerationSizeMb + limits.maxYoungGenerationSizeMb;
    expect(await workerHeapLimitMb(limits)).toBeLessThan(own);

    clearInheritedHeapLimits();

    expect(await workerHeapLimitMb(limits)).toBeGreaterThanOrEqual(own);
  });
});
