-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "agentIds" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "firstPeriodStart" TEXT NOT NULL,
    "activeSince" DATETIME NOT NULL,
    "createdByType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportSchedule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportScheduleRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scheduleId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "queuedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportScheduleRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ReportSchedule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportRetentionDays" INTEGER NOT NULL DEFAULT 365
);
INSERT INTO "new_Organization" ("createdAt", "id", "name", "slug") SELECT "createdAt", "id", "name", "slug" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "scope" JSONB NOT NULL,
    "periodFrom" TEXT,
    "periodTo" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "errorCode" TEXT,
    "error" TEXT,
    "createdByType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "purgedAt" DATETIME,
    "purgeOwner" TEXT,
    "purgeExpiresAt" DATETIME,
    CONSTRAINT "Report_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("attempts", "completedAt", "createdAt", "createdById", "createdByLabel", "createdByType", "error", "errorCode", "id", "leaseExpiresAt", "leaseOwner", "maxAttempts", "orgId", "periodFrom", "periodTo", "progress", "scope", "startedAt", "status", "title", "type") SELECT "attempts", "completedAt", "createdAt", "createdById", "createdByLabel", "createdByType", "error", "errorCode", "id", "leaseExpiresAt", "leaseOwner", "maxAttempts", "orgId", "periodFrom", "periodTo", "progress", "scope", "startedAt", "status", "title", "type" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_orgId_createdAt_idx" ON "Report"("orgId", "createdAt");
CREATE INDEX "Report_orgId_title_idx" ON "Report"("orgId", "title");
CREATE INDEX "Report_orgId_periodTo_idx" ON "Report"("orgId", "periodTo");
CREATE INDEX "Report_status_leaseExpiresAt_idx" ON "Report"("status", "leaseExpiresAt");
CREATE INDEX "Report_orgId_startedAt_idx" ON "Report"("orgId", "startedAt");
CREATE INDEX "Report_orgId_status_completedAt_idx" ON "Report"("orgId", "status", "completedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReportSchedule_orgId_createdAt_idx" ON "ReportSchedule"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportSchedule_status_idx" ON "ReportSchedule"("status");

-- CreateIndex
CREATE INDEX "ReportScheduleRun_reportId_idx" ON "ReportScheduleRun"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportScheduleRun_scheduleId_periodStart_key" ON "ReportScheduleRun"("scheduleId", "periodStart");
