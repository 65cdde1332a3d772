-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" TEXT;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "periodFrom" TEXT,
ADD COLUMN     "periodTo" TEXT;

-- CreateIndex
CREATE INDEX "Report_orgId_title_idx" ON "Report"("orgId", "title");

-- CreateIndex
CREATE INDEX "Report_orgId_periodTo_idx" ON "Report"("orgId", "periodTo");

-- Backfill: the period of reports queued before these columns, from their scope.
UPDATE "Report"
SET "periodFrom" = "scope"->'dateRange'->>'from',
    "periodTo" = "scope"->'dateRange'->>'to'
WHERE "scope"->'dateRange'->>'to' IS NOT NULL;
