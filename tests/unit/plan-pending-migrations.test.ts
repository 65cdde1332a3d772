import { describe, expect, it } from "vitest";
import { MigrationHistoryError, planPendingMigrations, type MigrationRecord } from "@/lib/db/plan-pending-migrations";
import type { CommittedMigration } from "@/lib/db/read-migrations";

const migration = (name: string, checksum = `sum-${name}`): CommittedMigration => ({ name, sql: "", checksum });
const applied = (name: string, overrides: Partial<MigrationRecord> = {}): MigrationRecord => ({
  migration_name: name,
  checksum: `sum-${name}`,
  finished_at: "2026-01-01T00:00:00.000+00:00",
  rolled_back_at: null,
  ...overrides,
});

describe("planPendingMigrations", () => {
  const committed = [migration("1_init"), migration("2_reports"), migration("3_links")];

  it("returns the unapplied migrations in order", () => {
    expect(planPendingMigrations(committed, [applied("1_init")]).pending.map((m) => m.name)).toEqual([
      "2_reports",
      "3_links",
    ]);
  });

  it("treats a rolled-back row as not applied", () => {
    const plan = planPendingMigrations(committed, [
      applied("1_init"),
      applied("2_reports", { finished_at: null, rolled_back_at: "2026-01-02T00:00:00.000+00:00" }),
    ]);
    expect(plan.pending.map((m) => m.name)).toEqual(["2_reports", "3_links"]);
  });

  it("refuses a migration that started and never finished", () => {
    expect(() => planPendingMigrations(committed, [applied("1_init", { finished_at: null })])).toThrow(
      /1_init started but never finished/,
    );
  });

  it("refuses an applied migration whose checksum changed", () => {
    const run = () => planPendingMigrations(committed, [applied("1_init", { checksum: "other" })]);
    expect(run).toThrow(MigrationHistoryError);
    expect(run).toThrow(/1_init was modified after it was applied/);
  });

  it("reports migrations the database has but this checkout lacks", () => {
    const plan = planPendingMigrations([migration("1_init")], [applied("1_init"), applied("9_newer")]);
    expect(plan).toEqual({ pending: [], missingLocally: ["9_newer"] });
  });
});
