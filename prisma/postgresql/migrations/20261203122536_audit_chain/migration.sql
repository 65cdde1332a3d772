-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "redactions" JSONB,
ADD COLUMN     "salt" TEXT,
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceApiKeyId" TEXT,
ADD COLUMN     "sourceUserId" TEXT;

-- Provenance of the events stored before it was recorded: ingest has always
-- keyed its rows by 32 lowercase hex characters (lib/ingest/derive-record-id.ts),
-- Attest's own writes by cuid. The chain itself is filled in by the data step
-- of this migration (lib/db/migration-data-steps.ts).
UPDATE "AuditEvent" SET "source" = CASE WHEN "id" ~ '^[0-9a-f]{32}$' THEN 'ingest' ELSE 'attest' END;
