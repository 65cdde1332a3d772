-- CreateTable
CREATE TABLE "ReportPreview" (
    "reportId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "content" TEXT NOT NULL,

    CONSTRAINT "ReportPreview_pkey" PRIMARY KEY ("reportId")
);

-- AddForeignKey
ALTER TABLE "ReportPreview" ADD CONSTRAINT "ReportPreview_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
