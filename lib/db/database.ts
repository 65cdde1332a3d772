// The type of a Prisma client, apart from lib/db.ts (which creates one), so the
// lib/db/* helpers that take a client need not import the module that makes it.
import type { PrismaClient as SqlitePrismaClient } from "@/lib/generated/sqlite/client";

/**
 * Both generated clients are built from the same models, so their query API is
 * the same; the SQLite client's type stands for both.
 */
export type Database = SqlitePrismaClient;
