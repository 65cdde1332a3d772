-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "hash" SET NOT NULL,
ALTER COLUMN "prevHash" SET NOT NULL,
ALTER COLUMN "salt" SET NOT NULL,
ALTER COLUMN "seq" SET NOT NULL,
ALTER COLUMN "source" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq");
