-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "redactions" JSONB;
ALTER TABLE "AuditEvent" ADD COLUMN "salt" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "source" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "sourceApiKeyId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "sourceUserId" TEXT;

-- Provenance of the events stored before it was recorded: ingest has always
-- keyed its rows by 32 lowercase hex characters (lib/ingest/derive-record-id.ts),
-- Attest's own writes by cuid. The chain itself is filled in by the data step
-- of this migration (lib/db/migration-data-steps.ts).
UPDATE "AuditEvent" SET "source" = CASE
  WHEN length("id") = 32 AND "id" NOT GLOB '*[^0-9a-f]*' THEN 'ingest'
  ELSE 'attest'
END;
