-- CreateIndex
CREATE INDEX "VaultAccess_secretId_action_occurredAt_idx" ON "VaultAccess"("secretId", "action", "occurredAt");
