// A SqlCondition renders one description twice: SQL for the database, words for
// the manifest. These prove the two agree: exact renderings per builder, and
// for random compositions the words select exactly the rows the SQL's meaning
// selects (the SQL is evaluated here by a small interpreter of its own grammar,
// independent of the words) with its bound values in the order the words give them.
import { describe, expect, it } from "vitest";
import { buildAgentFilter } from "@/lib/compliance/reports/build-agent-filter";
import { auditEventSelectionCondition } from "@/lib/compliance/reports/audit-event-selection";
import { leaseCondition, leaseWhere } from "@/lib/compliance/lease/report-lease";
import {
  allOf,
  anyOf,
  columnDoesNotStartWith,
  columnEquals,
  columnIn,
  columnIsNull,
  columnIsTrue,
  columnStartsWith,
  everyRow,
  type SqlCondition,
} from "@/lib/db/sql-condition";
import { evaluateConditionText, type ConditionRow } from "@/tests/support/evaluate-condition-text";

describe("SqlCondition builders", () => {
  it.each<[string, SqlCondition, string, unknown[], string | null]>([
    ["equals", columnEquals("orgId", "o1"), `"orgId" = ?`, ["o1"], "orgId = o1"],
    ["in", columnIn("agentId", ["a", "b"]), `"agentId" IN (?,?)`, ["a", "b"], "agentId in (a, b)"],
    [
      "one in, worded as =",
      columnIn("category", ["dlp"], { oneAsEquals: true }),
      `"category" IN (?)`,
      ["dlp"],
      "category = dlp",
    ],
    ["is null", columnIsNull("agentId"), `"agentId" IS NULL`, [], "agentId is null"],
    ["is true", columnIsTrue("enabled"), `"enabled"`, [], "enabled"],
    [
      "starts with",
      columnStartsWith("action", "api."),
      `("action" LIKE 'api.%' ESCAPE '\\' AND substr("action", 1, 4) = ?)`,
      ["api."],
      `action starts with "api."`,
    ],
    [
      "does not start with",
      columnDoesNotStartWith("action", "api."),
      `NOT ("action" LIKE 'api.%' ESCAPE '\\' AND substr("action", 1, 4) = ?)`,
      ["api."],
      `action does not start with "api."`,
    ],
    ["every row", everyRow, "1 = 1", [], null],
    [
      "all of",
      allOf(columnEquals("orgId", "o1"), everyRow, columnIsNull("agentId")),
      `"orgId" = ? AND 1 = 1 AND "agentId" IS NULL`,
      ["o1"],
      "orgId = o1 and agentId is null",
    ],
    [
      "any of",
      anyOf(columnIn("agentId", ["a"]), columnIsNull("agentId")),
      `("agentId" IN (?) OR "agentId" IS NULL)`,
      ["a"],
      "(agentId in (a) or agentId is null)",
    ],
  ])("%s renders its SQL and its words from one description", (_, condition, sql, values, text) => {
    expect(condition.sql.sql).toBe(sql);
    expect(condition.sql.values).toEqual(values);
    expect(condition.text).toBe(text);
  });

  it("refuses what is not a column name, and an empty IN list", () => {
    expect(() => columnEquals(`x" OR 1=1 --`, "v")).toThrow(/column name/);
    expect(() => columnIn("agentId", [])).toThrow(/empty/);
    expect(() => columnStartsWith("action", "")).toThrow(/prefix/);
    expect(() => columnStartsWith("action", "é.")).toThrow(/prefix/);
    expect(columnStartsWith("action", "a_b%c\\d'e").sql.sql).toBe(
      `("action" LIKE 'a\\_b\\%c\\\\d''e%' ESCAPE '\\' AND substr("action", 1, 9) = ?)`,
    );
  });
});

/** The same rows' meaning read from the SQL text and its values (for the grammar the builders write). */
function evaluateSql(condition: SqlCondition, row: ConditionRow): boolean {
  const values = [...condition.sql.values];
  // Placeholders become their values and SQL syntax the words' syntax, so one evaluator reads both.
  let index = 0;
  // One left-to-right pass, so each placeholder takes its own value.
  const text = condition.sql.sql
    .replace(/"(\w+)"/g, "$1")
    .replace(
      /NOT \((\w+) LIKE '[^']*' ESCAPE '\\' AND substr\(\1, 1, \d+\) = \?\)|\((\w+) LIKE '[^']*' ESCAPE '\\' AND substr\(\2, 1, \d+\) = \?\)|\?/g,
      (match, notColumn?: string, column?: string) => {
        const value = String(values[index++]);
        if (notColumn) return `${notColumn} does not start with "${value}"`;
        if (column) return `${column} starts with "${value}"`;
        return value;
      },
    )
    .replace(/1 = 1/g, "true")
    .replace(/ IN /g, " in ")
    .replace(/ IS NULL/g, " is null")
    .replace(/ AND /g, " and ")
    .replace(/ OR /g, " or ");
  expect(index).toBe(values.length);
  return evaluateConditionText(text, row);
}

function randomConditions(seed: number, count: number): SqlCondition[] {
  let state = seed;
  const pick = <T>(items: readonly T[]): T => items[(state = (state * 1103515245 + 12345) % 2 ** 31) % items.length]!;
  const leaf = (): SqlCondition =>
    pick([
      () => columnEquals("category", pick(["dlp", "auth", "vault"])),
      () => columnIn("agentId", [pick(["a", "b"]), pick(["c", "a"])]),
      () => columnIn("category", [pick(["dlp", "auth"])], { oneAsEquals: true }),
      () => columnIsNull("agentId"),
      () => columnStartsWith("action", pick(["key.", "rule.", "k"])),
      () => columnDoesNotStartWith("action", pick(["key.", "rule."])),
      () => everyRow,
    ])();
  const build = (depth: number): SqlCondition => {
    if (depth === 0) return leaf();
    const parts = Array.from({ length: 1 + (pick([0, 1, 2]) as number) }, () => build(depth - 1));
    return pick(["all", "any", "leaf"]) === "all" ? allOf(...parts) : pick([true, false]) ? anyOf(...parts) : leaf();
  };
  return Array.from({ length: count }, () => build(pick([0, 1, 2, 3])));
}

const rows: ConditionRow[] = [];
for (const category of ["dlp", "auth", "vault"])
  for (const agentId of ["a", "b", "c", null])
    for (const action of ["key.made", "rule.set", "kept", "other"]) rows.push({ category, agentId, action });

describe("SQL and words agree", () => {
  it.each([1, 2, 3, 4, 5])("on random compositions (seed %i): same rows, values in the words' order", (seed) => {
    for (const condition of randomConditions(seed, 60)) {
      const bySql = rows.map((row) => evaluateSql(condition, row));
      const byWords = rows.map((row) => evaluateConditionText(condition.text, row));
      expect(byWords, `${condition.text} vs ${condition.sql.sql}`).toEqual(bySql);
      // Every bound value appears in the words, in the order it is bound.
      let from = 0;
      for (const value of condition.sql.values) {
        const found = (condition.text ?? "").indexOf(String(value), from);
        expect(found, `${String(value)} in "${condition.text}"`).toBeGreaterThanOrEqual(0);
        from = found;
      }
    }
  });

  it("the agent filter and an audit-event selection render one condition", () => {
    const agentFilter = buildAgentFilter(["b", "a"]);
    const selection = auditEventSelectionCondition({
      orgId: "o1",
      categories: ["dlp", "vault"],
      actionPrefix: "key.",
      agentFilter,
    });
    expect(selection.sql.sql).toBe(
      `"orgId" = ? AND ("category" IN (?,?) OR ("action" LIKE 'key.%' ESCAPE '\\' AND substr("action", 1, 4) = ?)) AND ("agentId" IN (?,?) OR "agentId" IS NULL)`,
    );
    expect(selection.text).toBe(
      `orgId = o1 and (category in (dlp, vault) or action starts with "key.") and (agentId in (a, b) or agentId is null)`,
    );
    for (const row of rows.map((row) => ({ ...row, orgId: "o1" }))) {
      expect(evaluateConditionText(selection.text, row)).toBe(evaluateSql(selection, row));
    }
  });
});

describe("the lease fence", () => {
  it("is one field list, rendered as Prisma's where and as SQL", () => {
    const lease = { reportId: "r1", workerId: "w1", attempt: 3 };
    const where = leaseWhere(lease);
    const condition = leaseCondition(lease);
    expect(where).toEqual({ id: "r1", status: "pending", leaseOwner: "w1", attempts: 3 });
    expect(condition.sql.sql).toBe(
      Object.keys(where)
        .map((column) => `"${column}" = ?`)
        .join(" AND "),
    );
    expect(condition.sql.values).toEqual(Object.values(where));
  });
});
