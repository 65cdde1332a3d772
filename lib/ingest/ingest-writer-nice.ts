// The ingest writer thread's CPU priority. On PostgreSQL the thread parses,
// validates and builds statements while the rows' cost is in the database's
// backends: at the report threads' lower priority the thread answering
// requests gets the CPU first, and ingest keeps its pace. On SQLite the
// database works inside the writer thread itself, and lowered it lost
// throughput (docs/benchmarks.md, ingest writer priority).
import type { DatabaseProvider } from "@/lib/db/database-url";
import { reportThreadNice } from "@/lib/process/lower-thread-priority";

export function ingestWriterNice(provider: DatabaseProvider): number {
  return provider === "postgresql" ? reportThreadNice() : 0;
}
