// `npm start` caps the main thread's heap with a V8 flag; V8 flags are
// process-wide, so the server clears it before any worker thread starts.
import v8 from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { clearInheritedHeapLimit } from "@/lib/process/clear-inherited-heap-limit";
import { workerHeapLimitMb } from "@/tests/support/worker-heap-limit";

afterEach(() => clearInheritedHeapLimit());

describe("clearInheritedHeapLimit", () => {
  it("lets a worker thread started afterwards keep its own heap limit", async () => {
    v8.setFlagsFromString("--max-old-space-size=512");
    // While the flag stands it overrides the worker's own limit: the reason to clear it.
    expect(await workerHeapLimitMb({ maxOldGenerationSizeMb: 32 })).toBeGreaterThanOrEqual(512);

    clearInheritedHeapLimit();

    const own = await workerHeapLimitMb({ maxOldGenerationSizeMb: 32 });
    expect(own).toBeGreaterThanOrEqual(32);
    expect(own).toBeLessThan(128);
  });

  it("leaves a worker without a limit of its own on V8's default, not the main thread's cap", async () => {
    const defaultMb = await workerHeapLimitMb();
    v8.setFlagsFromString("--max-old-space-size=96");
    clearInheritedHeapLimit();
    expect(await workerHeapLimitMb()).toBe(defaultMb);
  });
});
