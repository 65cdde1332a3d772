// Dev tool: where verifying an org's stored audit chain spends its time, one
// stage at a time in this thread (read rows only; rows into events; canonical
// bytes; full check), the fast path (the database's canonical text, digests
// and hash here), then the threaded verification the route runs.
// Usage: DATABASE_URL=<url> node --conditions=react-server --import tsx scripts/dev/time-chain-verification.ts [orgId]
import { Prisma } from "@/lib/generated/sqlite/client";
import { canonicalAuditEvent, hashAuditEvent, hashChainLink } from "@/lib/audit-chain/hash-audit-event";
import { chainLinkColumnsOf } from "@/lib/audit/chain-link-columns";
import { readAuditChainLinkPages, readAuditChainPages } from "@/lib/audit/read-audit-chain-events";
import { verifyStoredChainRange } from "@/lib/audit/verify-stored-chain-range";
import { createDatabaseClient } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const db = createDatabaseClient(url);
  const raw = rawSqlOf(db);
  const orgId =
    process.argv[2] ??
    ((await raw.query(Prisma.sql`SELECT "orgId" FROM "AuditEvent" GROUP BY "orgId" ORDER BY COUNT(*) DESC LIMIT 1`))[0]!
      .orgId as string);
  const to = Number(
    (await raw.query(Prisma.sql`SELECT MAX("seq") AS "head" FROM "AuditEvent" WHERE "orgId" = ${orgId}`))[0]!.head,
  );
  const range = { from: 1, to };
  const time = async (label: string, body: () => Promise<number>) => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const count = await body();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${label.padEnd(26)} wall ${seconds.toFixed(2)} s  cpu ${cpuSeconds.toFixed(2)} s  ${((cpuSeconds * 1e6) / count).toFixed(2)} µs cpu/event`,
    );
  };
  await time("read pages, events built", async () => {
    let n = 0;
    for await (const page of readAuditChainPages(raw, orgId, range)) for (const _ of page) n += 1;
    return n;
  });
  await time("+ canonical bytes", async () => {
    let n = 0;
    for await (const page of readAuditChainPages(raw, orgId, range))
      for (const event of page) n += canonicalAuditEvent(event).length > 0 ? 1 : 0;
    return n;
  });
  await time("+ hash", async () => {
    let n = 0;
    for await (const page of readAuditChainPages(raw, orgId, range))
      for (const event of page) n += hashAuditEvent(event) === event.hash ? 1 : 0;
    return n;
  });
  const linkColumns = chainLinkColumnsOf(raw.provider);
  if (linkColumns)
    await time("fast path: links + hash", async () => {
      let n = 0;
      for await (const page of readAuditChainLinkPages(raw, orgId, range, linkColumns))
        for (const link of page) n += hashChainLink(link) === link.hash ? 1 : 0;
      return n;
    });
  await time("threaded verification", async () => {
    const result = await verifyStoredChainRange(db, {
      orgId,
      to,
      start: { seq: 1, prevHash: genesisHash },
      periodFirst: null,
      wantedSeqs: [],
    });
    console.log(`  ${result.verification.status}, ${result.verification.count} events, ${result.threads} threads`);
    return result.verification.count;
  });
  await db.$disconnect();
}

void main();
