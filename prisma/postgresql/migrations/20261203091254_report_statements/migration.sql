-- CreateTable
CREATE TABLE "ReportStatement" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "reportId" TEXT NOT NULL,
    "reportType" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportStatement_reportId_key" ON "ReportStatement"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportStatement_orgId_seq_key" ON "ReportStatement"("orgId", "seq");

-- AddForeignKey
ALTER TABLE "ReportStatement" ADD CONSTRAINT "ReportStatement_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
