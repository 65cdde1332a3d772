// setupFiles of the `api` project: runs in each worker before a test file is
// imported, so lib/db.ts (which reads DATABASE_URL at import) opens the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Generated secrets and other files stay in the run's scratch directory.
process.env.ATTEST_DATA_DIR = inject("dataDirectory");
