// Work a migration needs that SQL alone cannot do (hashing, canonical JSON),
// keyed by migration name. It runs in the migration's own transaction, after
// its SQL: the migration and its data are applied together or not at all.
import type SqliteDatabase from "better-sqlite3";
import type pg from "pg";
import {
  chainUnchainedAuditEventsPostgres,
  chainUnchainedAuditEventsSqlite,
} from "@/lib/db/chain-unchained-audit-events";

export type MigrationDataStep = {
  sqlite(connection: SqliteDatabase.Database): void;
  postgresql(client: pg.Client): Promise<void>;
};

export const migrationDataSteps: Readonly<Record<string, MigrationDataStep>> = {
  "20261203122536_audit_chain": {
    sqlite: (connection) => void chainUnchainedAuditEventsSqlite(connection),
    postgresql: async (client) => void (await chainUnchainedAuditEventsPostgres(client)),
  },
};
