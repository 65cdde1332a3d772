// The interactive-transaction client ingest runs in. Both generated clients
// share one query API (lib/db.ts), so the SQLite client's type stands for both.
import type { Prisma } from "@/lib/generated/sqlite/client";

export type IngestTransaction = Prisma.TransactionClient;
