// One table of verified chain lines per process: the main thread makes it on
// first use, a thread it starts takes the one it was handed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { adoptVerifiedChainLines, sharedVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";

const processGlobals = globalThis as { attestVerifiedChainLines?: SharedArrayBuffer | null };

afterEach(() => {
  delete processGlobals.attestVerifiedChainLines;
  vi.unstubAllEnvs();
});

describe("sharedVerifiedChainLines", () => {
  it("makes one table of AUDIT_VERIFIED_LINES_MB, the same for every caller (and every bundle) of the process", () => {
    vi.stubEnv("AUDIT_VERIFIED_LINES_MB", "2");
    const table = sharedVerifiedChainLines();
    expect(table?.byteLength).toBe(2 * 1024 * 1024);
    expect(sharedVerifiedChainLines()).toBe(table);
    expect(processGlobals.attestVerifiedChainLines).toBe(table);
  });

  it("holds none when AUDIT_VERIFIED_LINES_MB is 0, and takes the one a thread is handed", () => {
    vi.stubEnv("AUDIT_VERIFIED_LINES_MB", "0");
    expect(sharedVerifiedChainLines()).toBeNull();
    const handed = new SharedArrayBuffer(16);
    adoptVerifiedChainLines(handed);
    expect(sharedVerifiedChainLines()).toBe(handed);
    adoptVerifiedChainLines(undefined);
    expect(sharedVerifiedChainLines()).toBeNull();
  });
});
