// Databases that stored audit events before the chain existed are migrated:
// the audit_chain migration links every stored event, per org, in time order
// (then id), and marks ingested rows (32-hex ids) as ingest, the rest as Attest's.
import { afterEach, describe, expect, it } from "vitest";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createDatabaseClient } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { createTestDatabase, getTestPostgresServerUrl, isPostgresReachable } from "@/tests/support/test-database";
import { copyMigrationsBefore, executeStatements } from "@/tests/support/migration-test-helpers";

const CHAIN_MIGRATION = "20261203122536_audit_chain";
const postgresServer = getTestPostgresServerUrl() ?? "postgres://root@127.0.0.1:5432/test";
const postgresAvailable = await isPostgresReachable(postgresServer);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const providers = [
  { provider: "sqlite" as const, server: "sqlite", skip: false },
  { provider: "postgresql" as const, server: postgresServer, skip: !postgresAvailable },
];

describe.each(providers)("the audit_chain migration on $provider", ({ provider, server, skip }) => {
  it.skipIf(skip)("chains every stored event per org in time order, and provenance follows the id", async () => {
    const database = await createTestDatabase({ server, label: "chain-migration" });
    cleanups.push(() => database.drop());
    await applyMigrations(database.url, {
      migrationsDirectory: copyMigrationsBefore(provider, CHAIN_MIGRATION, cleanups),
    });

    const stamp = (iso: string) => (provider === "sqlite" ? iso.replace("Z", "+00:00") : iso.replace("Z", ""));
    const ingestedId = "0123456789abcdef0123456789abcdef";
    const legacy: [string, string, string, string | null][] = [
      // id, org, time, metadata — written out of time order on purpose
      ["cb", "org-a", "2026-11-02T10:00:00.000Z", null],
      [ingestedId, "org-a", "2026-11-01T09:00:00.000Z", '{"reason":"tool_not_allowed","n":[1,2.5,null]}'],
      ["ca", "org-a", "2026-11-02T10:00:00.000Z", '{"email":"ann@acme.test"}'],
      ["cz", "org-b", "2026-10-01T00:00:00.000Z", null],
    ];
    await executeStatements(database, [
      [
        `INSERT INTO "Organization" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?)`,
        ["org-a", "a", "A", stamp("2026-01-01T00:00:00.000Z")],
      ],
      [
        `INSERT INTO "Organization" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?)`,
        ["org-b", "b", "B", stamp("2026-01-01T00:00:00.000Z")],
      ],
      ...legacy.map(([id, orgId, at, metadata]): [string, unknown[]] => [
        `INSERT INTO "AuditEvent" ("id", "orgId", "occurredAt", "actorType", "actorLabel", "action", "category", "outcome", "ip", "metadata")
         VALUES (?, ?, ?, 'user', 'ann@acme.test', 'user.updated', 'user_admin', 'success', '198.51.100.1', ?)`,
        [id, orgId, stamp(at), metadata],
      ]),
    ]);

    const result = await applyMigrations(database.url);
    expect(result.applied).toContain(CHAIN_MIGRATION);

    const client = createDatabaseClient(database.url);
    cleanups.push(async () => {
      await rawSqlOf(client).close();
      await client.$disconnect();
    });
    const chained = await client.auditEvent.findMany({
      orderBy: [{ orgId: "asc" }, { seq: "asc" }],
      select: { id: true, orgId: true, seq: true, source: true },
    });
    expect(chained).toEqual([
      { id: ingestedId, orgId: "org-a", seq: 1, source: "ingest" },
      { id: "ca", orgId: "org-a", seq: 2, source: "attest" },
      { id: "cb", orgId: "org-a", seq: 3, source: "attest" },
      { id: "cz", orgId: "org-b", seq: 1, source: "attest" },
    ]);
    expect(await verifyStoredAuditChain(client, "org-a")).toMatchObject({ status: "verified", count: 3 });
    expect(await verifyStoredAuditChain(client, "org-b")).toMatchObject({ status: "verified", count: 1 });
  });
});
