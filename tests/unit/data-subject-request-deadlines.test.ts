// The Art. 12(3) clock: due one calendar month after receipt in UTC (clamped
// to the month's last day), extended by at most two further months, and
// overdue from the day after the due day, read on a clock the test controls.
import { describe, expect, it } from "vitest";
import { computeDueDate } from "@/lib/privacy/compute-due-date";
import { deadlineBounds, describeDeadline } from "@/lib/privacy/deadline-state";
import { updateDataSubjectRequestBodySchema } from "@/lib/privacy/schemas";

const at = (iso: string) => new Date(iso);
const clockAt = (iso: string) => ({ now: () => new Date(iso) });
const day = (instant: Date) => instant.toISOString().slice(0, 10);

describe("computeDueDate", () => {
  it("is one calendar month after receipt", () => {
    expect(day(computeDueDate(at("2026-03-15T00:00:00.000Z")))).toBe("2026-04-15");
    expect(day(computeDueDate(at("2026-12-10T00:00:00.000Z")))).toBe("2027-01-10");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(day(computeDueDate(at("2026-01-31T00:00:00.000Z")))).toBe("2026-02-28");
    expect(day(computeDueDate(at("2028-01-31T00:00:00.000Z")))).toBe("2028-02-29");
    expect(day(computeDueDate(at("2026-03-31T00:00:00.000Z")))).toBe("2026-04-30");
  });

  it("counts in UTC whatever the instant's local day", () => {
    // 23:30 UTC on the 31st is already 1 Feb in UTC+1 zones; the due day is from the UTC day.
    expect(day(computeDueDate(at("2026-01-31T23:30:00.000Z")))).toBe("2026-02-28");
    expect(computeDueDate(at("2026-01-31T23:30:00.000Z")).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  it("adds the extension's further months to the receipt, not to the clamped due day", () => {
    const received = at("2026-01-31T00:00:00.000Z");
    expect(day(computeDueDate(received, 1))).toBe("2026-03-31");
    expect(day(computeDueDate(received, 2))).toBe("2026-04-30");
  });
});

describe("describeDeadline", () => {
  const request = { dueAt: at("2026-04-15T00:00:00.000Z"), status: "open" };

  it("is on track more than seven days ahead, due soon within seven, due on the day itself", () => {
    expect(describeDeadline(request, clockAt("2026-04-07T12:00:00.000Z"))).toEqual({ state: "on_track", daysLeft: 8 });
    expect(describeDeadline(request, clockAt("2026-04-08T00:00:00.000Z"))).toEqual({ state: "due_soon", daysLeft: 7 });
    expect(describeDeadline(request, clockAt("2026-04-15T23:59:59.999Z"))).toEqual({ state: "due_soon", daysLeft: 0 });
  });

  it("is overdue from the day after the due day", () => {
    expect(describeDeadline(request, clockAt("2026-04-16T00:00:00.000Z"))).toEqual({ state: "overdue", daysLeft: -1 });
    expect(describeDeadline({ ...request, status: "extended" }, clockAt("2026-05-01T08:00:00.000Z")).state).toBe(
      "overdue",
    );
  });

  it("has no deadline once fulfilled or refused", () => {
    for (const status of ["fulfilled", "refused"]) {
      expect(describeDeadline({ ...request, status }, clockAt("2026-06-01T00:00:00.000Z"))).toEqual({
        state: "closed",
        daysLeft: null,
      });
    }
  });

  it("gives the database the same bounds: overdue before today, due soon up to today + N days", () => {
    const bounds = deadlineBounds(clockAt("2026-04-08T15:00:00.000Z"), 7);
    expect(bounds.overdueBefore.toISOString()).toBe("2026-04-08T00:00:00.000Z");
    expect(bounds.dueSoonUntil.toISOString()).toBe("2026-04-15T00:00:00.000Z");
  });
});

describe("the update body", () => {
  const fieldsOf = (body: unknown) => {
    const result = updateDataSubjectRequestBodySchema.safeParse(body);
    return result.success ? null : result.error.issues.map((issue) => issue.path.join("."));
  };

  it("allows an extension of one or two months with a reason, and nothing longer", () => {
    expect(fieldsOf({ extension: { months: 2, reason: "Complex" } })).toBeNull();
    expect(fieldsOf({ extension: { months: 3, reason: "Complex" } })).toEqual(["extension.months"]);
    expect(fieldsOf({ extension: { months: 1, reason: " " } })).toEqual(["extension.reason"]);
  });

  it("needs a reason to refuse and to turn redaction off", () => {
    expect(fieldsOf({ status: "refused" })).toEqual(["refusalReason"]);
    expect(fieldsOf({ redaction: { enabled: false } })).toEqual(["redaction.reason"]);
    expect(fieldsOf({ redaction: { enabled: true } })).toBeNull();
    expect(fieldsOf({})).toEqual([""]);
  });
});
