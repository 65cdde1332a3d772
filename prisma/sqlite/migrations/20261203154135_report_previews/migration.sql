-- CreateTable
CREATE TABLE "ReportPreview" (
    "reportId" TEXT NOT NULL PRIMARY KEY,
    "attempt" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    CONSTRAINT "ReportPreview_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
