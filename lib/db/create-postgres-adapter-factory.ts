import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { reportConnectionToProbe } from "@/lib/db/postgres-connection-of";

/**
 * Prisma's node-postgres adapter, as every PostgreSQL client of ours opens it.
 * Each transaction it starts tells a probe which connection it runs on, so
 * bulk inserts inside a Prisma transaction can use that connection directly
 * (lib/db/postgres-connection-of.ts).
 */
export function createPostgresAdapterFactory(url: string, max: number): SqlDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
        reportConnectionToProbe(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}
