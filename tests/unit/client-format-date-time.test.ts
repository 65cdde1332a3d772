import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelativeTime } from "@/lib/client/format-date-time";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("formatDateTime", () => {
  it("prints the UTC minute, labelled", () => {
    expect(formatDateTime("2026-09-01T00:04:59.999Z")).toBe("2026-09-01 00:04 UTC");
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe("2026-12-31 23:59 UTC");
  });

  it("converts an offset time to UTC, across the day boundary", () => {
    expect(formatDateTime("2026-09-01T01:30:00+02:00")).toBe("2026-08-31 23:30 UTC");
    expect(formatDateTime("2026-08-31T20:30:00-07:00")).toBe("2026-09-01 03:30 UTC");
  });

  it("shows an unreadable value as it came rather than throwing", () => {
    expect(formatDateTime("not a time")).toBe("not a time");
    expect(formatDateTime(new Date(Number.NaN))).toBe("—");
  });

  it("prints UTC in a process whose own time zone is not UTC", () => {
    const script = `
      const { formatDateTime } = require("./lib/client/format-date-time.ts");
      const at = "2026-09-01T00:04:00Z";
      console.log(JSON.stringify({ text: formatDateTime(at), localHour: new Date(at).getHours() }));`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: root,
      env: { ...process.env, TZ: "America/Los_Angeles" },
      encoding: "utf8",
    });
    const printed = JSON.parse(output) as { text: string; localHour: number };
    // The child really runs in Los Angeles (17:04 the day before, local time)…
    expect(printed.localHour).toBe(17);
    // …and still prints the UTC time.
    expect(printed.text).toBe("2026-09-01 00:04 UTC");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2026-09-01T12:00:00Z");

  it("reads in English, past and future", () => {
    expect(formatRelativeTime("2026-09-01T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelativeTime("2026-09-03T12:00:00Z", now)).toBe("in 2 days");
    expect(formatRelativeTime("2026-09-01T11:59:40Z", now)).toBe("now");
  });

  it("is empty for an unreadable time", () => {
    expect(formatRelativeTime("soon", now)).toBe("");
  });
});
