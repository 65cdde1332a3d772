import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toBoolean, toDate, toNullableString } from "../sql-population";

export type DlpRuleRecord = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  name: string;
  detector: string;
  pattern: string | null;
  severity: string;
  action: string;
  enabled: boolean;
};

/** DLP rule configurations as they stand. */
export function createDlpRulePopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<DlpRuleRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "DlpRule",
    timeColumn: "createdAt",
    columns: Prisma.sql`"id", "createdAt", "updatedAt", "name", "detector", "pattern", "severity", "action", "enabled"`,
    toRecord: ([id, createdAt, updatedAt, name, detector, pattern, severity, action, enabled]) => ({
      id: String(id),
      createdAt: toDate(createdAt),
      updatedAt: toDate(updatedAt),
      name: String(name),
      detector: String(detector),
      pattern: toNullableString(pattern),
      severity: String(severity),
      action: String(action),
      enabled: toBoolean(enabled),
    }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  });
}
