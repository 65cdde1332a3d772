-- CreateIndex
CREATE INDEX "Report_orgId_startedAt_idx" ON "Report"("orgId", "startedAt");
