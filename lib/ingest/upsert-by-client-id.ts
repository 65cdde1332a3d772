// Creates or updates an org's config records keyed by the platform's own id
// (DLP rules, processing activities): the primary key is derived from (org,
// kind, client id), so a record sent again updates the row it created. One
// transaction, all or nothing, with one audit event per record created or
// changed (a record that changes nothing is neither written nor audited),
// appended to the org's chain in the same transaction. Each caller passes its
// model's queries as callbacks, so Prisma's types still check each row written.
import "server-only";
import { appendLockedAuditEvents } from "@/lib/audit/append-locked-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import type { AuditCategory } from "@/lib/audit/record-audit-event";
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { db as defaultDb } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import { diffConfigFields, toJsonFields, type ConfigChange, type JsonRecord } from "@/lib/ingest/diff-config-fields";
import type { IngestContext } from "@/lib/ingest/ingest-records";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { toConfigChangeEvent } from "@/lib/ingest/to-config-change-event";

export type UpsertByClientIdResult<Kind extends string> = {
  kind: Kind;
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; clientId: string; status: "created" | "updated" }[];
};

type ClientRecord = { id: string; orgId?: string };

type UpsertByClientIdSpec<Kind extends string, Item extends ClientRecord, Data> = {
  /** The ingest path segment; part of every derived id. */
  kind: Kind;
  /**
   * The row's fields from a record without its client id and org; `clientId`
   * is given when the row is keyed by it (absent for a row found by `findLegacyIds`).
   */
  toData: (fields: Omit<Item, "id" | "orgId">, clientId: string | undefined) => Data;
  /**
   * Which of these ids are stored rows of the org with no client id kept (seeded,
   * or ingested before client ids were kept). A record whose client id is such
   * a row's own id, and whose derived id is no row, updates that row instead of
   * creating a twin: an exported register carries those ids and re-imports cleanly.
   */
  findLegacyIds?: (tx: IngestTransaction, orgId: string, clientIds: string[]) => Promise<Set<string>>;
  /** Runs before any write, inside the transaction: refuses records naming rows outside the org. */
  verifyReferences?: (tx: IngestTransaction, orgId: string) => Promise<unknown>;
  /** The stored rows of these ids, with every field `toData` writes (what a change is judged against). */
  findCurrent: (
    tx: IngestTransaction,
    where: { orgId: string; id: { in: string[] } },
  ) => Promise<Array<{ id: string } & JsonRecord>>;
  update: (tx: IngestTransaction, id: string, data: Data) => Promise<unknown>;
  createMany: (tx: IngestTransaction, rows: (Data & { id: string; orgId: string })[]) => Promise<unknown>;
  /** How a created or changed record is audited. */
  audit: {
    category: AuditCategory;
    targetType: string;
    created: string;
    updated: string;
    agentIdOf: (data: Data) => string | null;
  };
};

export async function upsertByClientId<Kind extends string, Item extends ClientRecord, Data>(
  ctx: IngestContext,
  batch: { orgId?: string; records: readonly Item[] },
  spec: UpsertByClientIdSpec<Kind, Item, Data>,
): Promise<UpsertByClientIdResult<Kind>> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const plan = (legacyIds: Set<string>) =>
    batch.records.map(({ id: clientId, orgId: _ignored, ...fields }) => {
      const derivedId = deriveRecordId(orgId, spec.kind, clientId);
      const isLegacy = legacyIds.has(clientId) && !legacyIds.has(derivedId);
      return {
        id: isLegacy ? clientId : derivedId,
        clientId,
        data: spec.toData(fields, isLegacy ? undefined : clientId),
      };
    });
  let planned = plan(new Set());

  const run = () =>
    database.$transaction(async (tx) => {
      // The chain first (on SQLite also the write lock), so the events written
      // last follow a head no other writer can move meanwhile.
      const head = await lockAuditChain(tx, orgId);
      await spec.verifyReferences?.(tx, orgId);
      if (spec.findLegacyIds) {
        const clientIds = batch.records.map((record) => record.id);
        const derivedIds = planned.map((row) => row.id);
        planned = plan(await spec.findLegacyIds(tx, orgId, [...clientIds, ...derivedIds]));
      }
      const existing = await spec.findCurrent(tx, { orgId, id: { in: planned.map((row) => row.id) } });
      const current = new Map(existing.map((row) => [row.id, row]));
      const events: UnlinkedAuditEvent[] = [];
      const now = new Date();
      const { audit } = spec;
      const audited = (action: string, row: (typeof planned)[number], change: ConfigChange) =>
        toConfigChangeEvent(
          ctx.identity,
          {
            action,
            category: audit.category,
            targetType: audit.targetType,
            targetId: row.id,
            agentId: audit.agentIdOf(row.data),
            ...change,
          },
          now,
        );
      for (const row of planned) {
        const stored = current.get(row.id);
        if (!stored) continue;
        const change = diffConfigFields(stored, row.data as JsonRecord);
        if (!change) continue;
        await spec.update(tx, row.id, row.data);
        events.push(audited(audit.updated, row, change));
      }
      const fresh = planned.filter((row) => !current.has(row.id));
      if (fresh.length > 0) {
        await spec.createMany(
          tx,
          fresh.map((row) => ({ id: row.id, orgId, ...row.data })),
        );
        for (const row of fresh) {
          events.push(audited(audit.created, row, { before: null, after: toJsonFields(row.data as JsonRecord) }));
        }
      }
      await appendLockedAuditEvents(tx, head, events);
      return new Set(current.keys());
    }, chainTransactionOptions);

  // Two requests creating the same record: the later meets the primary key; again, it updates.
  const existingIds = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind: spec.kind,
    accepted: planned.length,
    created: planned.length - existingIds.size,
    updated: existingIds.size,
    records: planned.map((row) => ({
      id: row.id,
      clientId: row.clientId,
      status: existingIds.has(row.id) ? ("updated" as const) : ("created" as const),
    })),
  };
}
