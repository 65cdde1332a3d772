// Creates or updates an org's config records keyed by the platform's own id
// (DLP rules, processing activities): the primary key is derived from (org,
// kind, client id), so a record sent again updates the row it created. One
// transaction, all or nothing. Each caller passes its model's queries as
// callbacks, so Prisma's types still check each row written.
import "server-only";
import { db as defaultDb } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import type { IngestContext } from "@/lib/ingest/ingest-records";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";

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
  /** The row's fields from a record without its client id and org. */
  toData: (fields: Omit<Item, "id" | "orgId">) => Data;
  /** Runs before any write, inside the transaction: refuses records naming rows outside the org. */
  verifyReferences?: (tx: IngestTransaction, orgId: string) => Promise<unknown>;
  findIds: (tx: IngestTransaction, where: { orgId: string; id: { in: string[] } }) => Promise<{ id: string }[]>;
  update: (tx: IngestTransaction, id: string, data: Data) => Promise<unknown>;
  createMany: (tx: IngestTransaction, rows: (Data & { id: string; orgId: string })[]) => Promise<unknown>;
};

const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

export async function upsertByClientId<Kind extends string, Item extends ClientRecord, Data>(
  ctx: IngestContext,
  batch: { orgId?: string; records: readonly Item[] },
  spec: UpsertByClientIdSpec<Kind, Item, Data>,
): Promise<UpsertByClientIdResult<Kind>> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const planned = batch.records.map(({ id: clientId, orgId: _ignored, ...fields }) => ({
    id: deriveRecordId(orgId, spec.kind, clientId),
    clientId,
    data: spec.toData(fields),
  }));

  const run = () =>
    database.$transaction(async (tx) => {
      await takeWriteLock(tx);
      await spec.verifyReferences?.(tx, orgId);
      const existing = await spec.findIds(tx, { orgId, id: { in: planned.map((row) => row.id) } });
      const existingIds = new Set(existing.map((row) => row.id));
      for (const row of planned) {
        if (existingIds.has(row.id)) await spec.update(tx, row.id, row.data);
      }
      const fresh = planned.filter((row) => !existingIds.has(row.id));
      if (fresh.length > 0)
        await spec.createMany(
          tx,
          fresh.map((row) => ({ id: row.id, orgId, ...row.data })),
        );
      return existingIds;
    }, transactionOptions);

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
