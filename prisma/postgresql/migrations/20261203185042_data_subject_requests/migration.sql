-- CreateTable
CREATE TABLE "PrivacyProfile" (
    "orgId" TEXT NOT NULL,
    "controllerName" TEXT NOT NULL,
    "controllerContact" TEXT NOT NULL,
    "dpoContact" TEXT,
    "supervisoryAuthorityName" TEXT NOT NULL,
    "supervisoryAuthorityUrl" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByLabel" TEXT NOT NULL,

    CONSTRAINT "PrivacyProfile_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "subjectIdentifiers" JSONB NOT NULL,
    "subjectSearch" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "verificationMethod" TEXT NOT NULL,
    "verifiedBy" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "extensionMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionReason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "refusalReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "redactThirdParties" BOOLEAN NOT NULL DEFAULT true,
    "redactionOffReason" TEXT,
    "lastReportId" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataSubjectRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataSubjectRequest_orgId_dueAt_idx" ON "DataSubjectRequest"("orgId", "dueAt");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_orgId_createdAt_idx" ON "DataSubjectRequest"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "PrivacyProfile" ADD CONSTRAINT "PrivacyProfile_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
