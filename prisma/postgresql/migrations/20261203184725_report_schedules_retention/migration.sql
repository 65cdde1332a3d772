-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reportRetentionDays" INTEGER NOT NULL DEFAULT 365;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "legalHold" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "purgeExpiresAt" TIMESTAMP(3),
ADD COLUMN     "purgeOwner" TEXT,
ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "agentIds" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "firstPeriodStart" TEXT NOT NULL,
    "activeSince" TIMESTAMP(3) NOT NULL,
    "createdByType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportScheduleRun" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportScheduleRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportSchedule_orgId_createdAt_idx" ON "ReportSchedule"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportSchedule_status_idx" ON "ReportSchedule"("status");

-- CreateIndex
CREATE INDEX "ReportScheduleRun_reportId_idx" ON "ReportScheduleRun"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportScheduleRun_scheduleId_periodStart_key" ON "ReportScheduleRun"("scheduleId", "periodStart");

-- CreateIndex
CREATE INDEX "Report_orgId_status_completedAt_idx" ON "Report"("orgId", "status", "completedAt");

-- AddForeignKey
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportScheduleRun" ADD CONSTRAINT "ReportScheduleRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ReportSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
