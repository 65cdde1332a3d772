// The messages between a test worker and its database thread: a call of one
// operation by name, and its result or error.
import type { DatabaseOperations } from "./database-operations";

export type DatabaseThreadData = { databaseUrl: string };

export type DatabaseRequest = { id: number; method: keyof DatabaseOperations; args: unknown[] };

export type DatabaseReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; stack: string | undefined };
