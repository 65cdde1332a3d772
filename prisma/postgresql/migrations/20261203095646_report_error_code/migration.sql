-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "errorCode" TEXT;
