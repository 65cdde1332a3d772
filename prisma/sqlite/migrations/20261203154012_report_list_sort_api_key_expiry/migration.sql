-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "ApiKey" ADD COLUMN "revokedById" TEXT;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN "periodFrom" TEXT;
ALTER TABLE "Report" ADD COLUMN "periodTo" TEXT;

-- CreateIndex
CREATE INDEX "Report_orgId_title_idx" ON "Report"("orgId", "title");

-- CreateIndex
CREATE INDEX "Report_orgId_periodTo_idx" ON "Report"("orgId", "periodTo");

-- Backfill: the period of reports queued before these columns, from their scope.
UPDATE "Report"
SET "periodFrom" = json_extract("scope", '$.dateRange.from'),
    "periodTo" = json_extract("scope", '$.dateRange.to')
WHERE json_extract("scope", '$.dateRange.to') IS NOT NULL;
