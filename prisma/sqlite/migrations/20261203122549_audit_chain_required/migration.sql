-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "agentId" TEXT,
    "outcome" TEXT NOT NULL,
    "ip" TEXT,
    "metadata" JSONB,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceApiKeyId" TEXT,
    "sourceUserId" TEXT,
    "redactions" JSONB,
    CONSTRAINT "AuditEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorLabel", "actorType", "agentId", "category", "hash", "id", "ip", "metadata", "occurredAt", "orgId", "outcome", "prevHash", "redactions", "salt", "seq", "source", "sourceApiKeyId", "sourceUserId", "targetId", "targetType") SELECT "action", "actorId", "actorLabel", "actorType", "agentId", "category", "hash", "id", "ip", "metadata", "occurredAt", "orgId", "outcome", "prevHash", "redactions", "salt", "seq", "source", "sourceApiKeyId", "sourceUserId", "targetId", "targetType" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_orgId_occurredAt_idx" ON "AuditEvent"("orgId", "occurredAt");
CREATE INDEX "AuditEvent_orgId_agentId_occurredAt_idx" ON "AuditEvent"("orgId", "agentId", "occurredAt");
CREATE INDEX "AuditEvent_orgId_category_occurredAt_idx" ON "AuditEvent"("orgId", "category", "occurredAt");
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
