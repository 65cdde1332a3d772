// A condition's "starts with" is an exact prefix on the database itself: `_`
// and `%` in the prefix are plain characters and case counts, on SQLite as on
// PostgreSQL (LIKE would read them as wildcards, and SQLite's LIKE ignores case).
import { beforeAll, describe, expect, it } from "vitest";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { db } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import {
  allOf,
  columnDoesNotStartWith,
  columnEquals,
  columnStartsWith,
  type SqlCondition,
} from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

const actions = [
  "api_key.created",
  "apiokey.created",
  "api_keys.listed",
  "API_KEY.created",
  "api%key.created",
  "api_key.",
];
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
  const events = actions.map((action, index) =>
    toUnlinkedAuditEvent(
      crypto.randomUUID(),
      {
        orgId: org.orgId,
        occurredAt: new Date(Date.UTC(2026, 5, 1, 12, index)),
        actorType: "system",
        action,
        category: "system_config",
        outcome: "success",
      },
      { kind: "attest" },
    ),
  );
  await db.$transaction((tx) => appendAuditEvents(tx, org.orgId, events), chainTransactionOptions);
});

async function actionsWhere(condition: SqlCondition): Promise<string[]> {
  const where = allOf(columnEquals("orgId", org.orgId), condition).sql;
  const rows = await rawSqlOf(db).query(Prisma.sql`SELECT "action" FROM "AuditEvent" WHERE ${where} ORDER BY "seq"`);
  return rows.map((row) => String(row.action));
}

describe("columnStartsWith on the database", () => {
  it("matches the prefix exactly: no wildcards, case counts", async () => {
    expect(await actionsWhere(columnStartsWith("action", "api_key."))).toEqual(["api_key.created", "api_key."]);
  });

  it("and its negation is every other row", async () => {
    expect(await actionsWhere(columnDoesNotStartWith("action", "api_key."))).toEqual([
      "apiokey.created",
      "api_keys.listed",
      "API_KEY.created",
      "api%key.created",
    ]);
  });
});
