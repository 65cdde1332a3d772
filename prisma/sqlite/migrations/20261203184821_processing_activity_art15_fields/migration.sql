-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProcessingActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "agentId" TEXT,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "dataCategories" JSONB NOT NULL,
    "subjectCategories" JSONB NOT NULL,
    "recipients" JSONB NOT NULL,
    "retention" TEXT NOT NULL,
    "thirdCountryTransfers" JSONB NOT NULL,
    "dataSource" TEXT,
    "automatedDecisionMaking" BOOLEAN NOT NULL DEFAULT false,
    "automatedDecisionLogic" TEXT,
    "clientId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProcessingActivity_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProcessingActivity" ("agentId", "createdAt", "dataCategories", "id", "legalBasis", "name", "orgId", "purpose", "recipients", "retention", "subjectCategories", "thirdCountryTransfers", "updatedAt") SELECT "agentId", "createdAt", "dataCategories", "id", "legalBasis", "name", "orgId", "purpose", "recipients", "retention", "subjectCategories", "thirdCountryTransfers", "updatedAt" FROM "ProcessingActivity";
DROP TABLE "ProcessingActivity";
ALTER TABLE "new_ProcessingActivity" RENAME TO "ProcessingActivity";
CREATE INDEX "ProcessingActivity_orgId_agentId_idx" ON "ProcessingActivity"("orgId", "agentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
