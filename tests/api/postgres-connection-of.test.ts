// Ingest's bulk statements run on the node-postgres connection under a Prisma
// transaction (lib/db/postgres-connection-of.ts). They must be part of that
// transaction, never of another one: what they write is seen by it before it
// commits, rolls back with it, and two transactions at once get two connections.
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { postgresConnectionOf } from "@/lib/db/postgres-connection-of";
import { createTestOrg } from "@/tests/support/fixtures";

const isPostgres = inject("databaseProvider") === "postgresql";

describe.skipIf(!isPostgres)("the connection a PostgreSQL transaction runs on", () => {
  it("writes inside the transaction: seen by it before commit, gone after its rollback", async () => {
    const { orgId } = await createTestOrg();
    const name = `probe-${Date.now().toString(36)}`;
    const rolledBack = new Error("roll back");
    await expect(
      db.$transaction(async (tx) => {
        const connection = await postgresConnectionOf(tx);
        await connection.query(`UPDATE "Organization" SET "name" = $1 WHERE "id" = $2`, [name, orgId]);
        expect(await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } })).toEqual({
          name,
        });
        // Not committed: another connection still sees the old name.
        expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).name).not.toBe(name);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).name).not.toBe(name);
  });

  it("gives two transactions at once their own connections, and one transaction the same one each time", async () => {
    let bothAsked = () => undefined as void;
    const asked = new Promise<void>((resolve) => (bothAsked = resolve));
    const connections: unknown[] = [];
    const run = () =>
      db.$transaction(async (tx) => {
        const first = await postgresConnectionOf(tx);
        expect(await postgresConnectionOf(tx)).toBe(first);
        connections.push(first);
        if (connections.length === 2) bothAsked();
        await asked;
      });
    await Promise.all([run(), run()]);
    expect(connections).toHaveLength(2);
    expect(connections[0]).not.toBe(connections[1]);
  });
});
