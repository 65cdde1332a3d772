-- CreateTable
CREATE TABLE "ReportRequestKey" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "caller" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRequestKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportRequestKey_orgId_caller_key_key" ON "ReportRequestKey"("orgId", "caller", "key");

-- AddForeignKey
ALTER TABLE "ReportRequestKey" ADD CONSTRAINT "ReportRequestKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
