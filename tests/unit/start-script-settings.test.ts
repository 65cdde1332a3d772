// `npm start` (scripts/start.mjs) reads its own settings before it builds or
// serves anything: a bad one ends it at once, naming the variable.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: "1", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("scripts/start.mjs settings", () => {
  it.each(["abc", "12.5", "32", "-1", "99999"])("refuses SERVER_HEAP_MB=%s before building", (value) => {
    const result = startWith({ SERVER_HEAP_MB: value });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`SERVER_HEAP_MB must be 0 or an integer from 64 to 16384 (got "${value}")`);
    expect(result.stdout).not.toContain("building");
  });

  it.each(["abc", "2.5", "-1", "257"])("refuses SERVER_SEMI_SPACE_MB=%s before building", (value) => {
    const result = startWith({ SERVER_SEMI_SPACE_MB: value });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`SERVER_SEMI_SPACE_MB must be an integer from 0 to 256 (got "${value}")`);
    expect(result.stdout).not.toContain("building");
  });
});
