-- CreateTable
CREATE TABLE "ReportStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "reportId" TEXT NOT NULL,
    "reportType" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportStatement_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportStatement_reportId_key" ON "ReportStatement"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportStatement_orgId_seq_key" ON "ReportStatement"("orgId", "seq");
