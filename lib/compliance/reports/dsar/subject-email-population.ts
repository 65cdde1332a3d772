// The subject's emails across every agent: like the shared email source, plus
// the agent each email belongs to (a person writes to several agents).
import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toIsoTimestamp, toJson, toNullableString, type IsoTimestamp } from "../sql-population";

export type SubjectEmailRecord = {
  id: string;
  sentAt: IsoTimestamp;
  agentId: string;
  direction: string;
  messageId: string | null;
  fromAddress: string;
  toAddresses: unknown;
  ccAddresses: unknown;
  subject: string;
  body: string;
};

export function createSubjectEmailPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<SubjectEmailRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "Email",
    timeColumn: "sentAt",
    columns: Prisma.sql`"id", "sentAt", "agentId", "direction", "messageId", "fromAddress", "toAddresses", "ccAddresses", "subject", "body"`,
    toRecord: ([id, sentAt, agentId, direction, messageId, fromAddress, toAddresses, ccAddresses, subject, body]) => ({
      id: String(id),
      sentAt: toIsoTimestamp(sentAt),
      agentId: String(agentId),
      direction: String(direction),
      messageId: toNullableString(messageId),
      fromAddress: String(fromAddress),
      toAddresses: toJson(toAddresses),
      ccAddresses: toJson(ccAddresses),
      subject: String(subject),
      body: String(body),
    }),
    keyOf: (row) => ({ at: new Date(row.sentAt), id: row.id }),
  });
}
