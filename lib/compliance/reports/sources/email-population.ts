import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toIsoTimestamp, toJson, toNullableString, type IsoTimestamp } from "../sql-population";

export type EmailRecord = {
  id: string;
  sentAt: IsoTimestamp;
  direction: string;
  messageId: string | null;
  fromAddress: string;
  /** JSON arrays of addresses, as stored. */
  toAddresses: unknown;
  ccAddresses: unknown;
  subject: string;
  body: string;
};

/** Emails sent and received, bodies included. */
export function createEmailPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<EmailRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "Email",
    timeColumn: "sentAt",
    columns: Prisma.sql`"id", "sentAt", "direction", "messageId", "fromAddress", "toAddresses", "ccAddresses", "subject", "body"`,
    toRecord: ([id, sentAt, direction, messageId, fromAddress, toAddresses, ccAddresses, subject, body]) => ({
      id: String(id),
      sentAt: toIsoTimestamp(sentAt),
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
