-- AlterTable
ALTER TABLE "ProcessingActivity" ADD COLUMN     "automatedDecisionLogic" TEXT,
ADD COLUMN     "automatedDecisionMaking" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "clientId" TEXT,
ADD COLUMN     "dataSource" TEXT;
