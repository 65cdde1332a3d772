// The report viewer's tables: per-table search and value filters over the rows
// held, and which columns a wide table shows side by side on screen.
import { describe, expect, it } from "vitest";
import {
  filterChoices,
  filterReportRows,
  isFilteringRows,
  noRowFilters,
} from "@/components/compliance/filter-report-rows";
import { pickScreenColumns } from "@/components/compliance/screen-columns";

const rows = [
  {
    occurred_at: "2026-11-05T10:00:00.000Z",
    actor: "ana@acme.test",
    action: "auth.login",
    outcome: "success",
    count: 1200,
  },
  {
    occurred_at: "2026-11-06T10:00:00.000Z",
    actor: "bo@acme.test",
    action: "auth.login_failed",
    outcome: "failure",
    count: 3,
  },
  {
    occurred_at: "2026-11-07T10:00:00.000Z",
    actor: "ana@acme.test",
    action: "auth.login_failed",
    outcome: "failure",
    count: null,
  },
];
const columns = Object.keys(rows[0]!);

describe("filterReportRows", () => {
  it("keeps every row without filters", () => {
    expect(filterReportRows(rows, columns, noRowFilters)).toEqual([0, 1, 2]);
    expect(isFilteringRows(noRowFilters)).toBe(false);
    expect(isFilteringRows({ query: "  ", values: { actor: "" } })).toBe(false);
  });

  it("matches words of the search anywhere in a row, in any order, ignoring case, as the cells read", () => {
    expect(filterReportRows(rows, columns, { query: "ANA failed", values: {} })).toEqual([2]);
    // Times read as shown (UTC), numbers with their separators.
    expect(filterReportRows(rows, columns, { query: "2026-11-06 10:00 UTC", values: {} })).toEqual([1]);
    expect(filterReportRows(rows, columns, { query: "1,200", values: {} })).toEqual([0]);
    expect(filterReportRows(rows, columns, { query: "nobody", values: {} })).toEqual([]);
  });

  it("keeps rows whose column has exactly the chosen value, combined with the search", () => {
    expect(filterReportRows(rows, columns, { query: "", values: { outcome: "failure" } })).toEqual([1, 2]);
    expect(filterReportRows(rows, columns, { query: "ana", values: { outcome: "failure", actor: "" } })).toEqual([2]);
    expect(filterReportRows(rows, columns, { query: "", values: { action: "auth.login" } })).toEqual([0]);
  });
});

describe("filterChoices", () => {
  it("lists a column's distinct values, sorted; none when there is nothing to choose or too much", () => {
    expect(filterChoices(rows, "actor")).toEqual(["ana@acme.test", "bo@acme.test"]);
    expect(filterChoices([rows[0]!], "actor")).toBeNull();
    const many = Array.from({ length: 101 }, (_, index) => ({ actor: `user-${index}` }));
    expect(filterChoices(many, "actor")).toBeNull();
    expect(filterChoices(many.slice(0, 100), "actor")).toHaveLength(100);
  });
});

describe("pickScreenColumns", () => {
  it("shows a table that fits as it is", () => {
    expect(pickScreenColumns(columns)).toEqual({ shown: columns, isCondensed: false });
  });

  it("condenses a wide table to the columns people scan by, in the document's order", () => {
    const auditEvent = [
      "occurred_at",
      "id",
      "seq",
      "category",
      "action",
      "outcome",
      "actor_type",
      "actor_id",
      "actor",
      "agent_id",
      "agent_name",
      "target_type",
      "target_id",
      "ip",
      "written_by",
    ];
    expect(pickScreenColumns(auditEvent)).toEqual({
      shown: ["occurred_at", "seq", "action", "outcome", "actor", "agent_name"],
      isCondensed: true,
    });
  });

  it("fills a condensed table with its first columns, words before ids, when it has few headline ones", () => {
    const wide = ["id", "a_id", "b", "c", "d", "e", "f", "g", "outcome"];
    expect(pickScreenColumns(wide).shown).toEqual(["b", "c", "d", "e", "f", "outcome"]);
    const ids = ["id", "a_id", "b_id", "c_id", "d_id", "e_id", "f_id", "g_id", "h_id"];
    expect(pickScreenColumns(ids).shown).toEqual(ids.slice(0, 6));
  });
});
