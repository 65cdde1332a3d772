-- CreateTable
CREATE TABLE "PrivacyProfile" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "controllerName" TEXT NOT NULL,
    "controllerContact" TEXT NOT NULL,
    "dpoContact" TEXT,
    "supervisoryAuthorityName" TEXT NOT NULL,
    "supervisoryAuthorityUrl" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedByLabel" TEXT NOT NULL,
    CONSTRAINT "PrivacyProfile_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "subjectIdentifiers" JSONB NOT NULL,
    "subjectSearch" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "verificationMethod" TEXT NOT NULL,
    "verifiedBy" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "extensionMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionReason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "refusalReason" TEXT,
    "closedAt" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "redactThirdParties" BOOLEAN NOT NULL DEFAULT true,
    "redactionOffReason" TEXT,
    "lastReportId" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DataSubjectRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DataSubjectRequest_orgId_dueAt_idx" ON "DataSubjectRequest"("orgId", "dueAt");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_orgId_createdAt_idx" ON "DataSubjectRequest"("orgId", "createdAt");
