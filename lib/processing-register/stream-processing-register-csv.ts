// The org's current Art. 30 register as CSV, in the columns the import reads
// (register-columns.ts), in pages, so a long register never sits in memory.
// Cells go through the report CSV dialect (formula guard, RFC 4180 quoting);
// a UTF-8 byte order mark leads, so spreadsheets read the text as UTF-8.
import "server-only";
import { createCsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import { db as defaultDb, type Database } from "@/lib/db";
import { processingActivityStateSelect } from "@/lib/ingest/upsert-processing-activities";
import { registerColumns } from "@/lib/processing-register/register-columns";
import { encodeListCell, encodeTransfersCell } from "@/lib/processing-register/register-cells";

const pageSize = 500;

type StoredTransfer = { country: string; safeguard: string };

export function streamProcessingRegisterCsv(ctx: { orgId: string; db?: Database }): ReadableStream<Uint8Array> {
  const database = ctx.db ?? defaultDb;
  const encoder = createCsvRowEncoder(registerColumns, "the processing register");
  const bytes = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(bytes.encode(`\ufeff${encoder.header}`));
        return;
      }
      const page = await database.processingActivity.findMany({
        where: { orgId: ctx.orgId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: pageSize,
        ...(cursor === null ? {} : { cursor: { id: cursor }, skip: 1 }),
        select: processingActivityStateSelect,
      });
      let text = "";
      for (const activity of page) {
        text += encoder.encode({
          // The key a re-import matches on: the ingest client id, else the stored id.
          id: activity.clientId ?? activity.id,
          agent_id: activity.agentId,
          name: activity.name,
          purpose: activity.purpose,
          legal_basis: activity.legalBasis,
          data_categories: encodeListCell(activity.dataCategories as string[]),
          subject_categories: encodeListCell(activity.subjectCategories as string[]),
          recipients: encodeListCell(activity.recipients as string[]),
          retention: activity.retention,
          third_country_transfers: encodeTransfersCell(activity.thirdCountryTransfers as StoredTransfer[]),
          data_source: activity.dataSource,
          automated_decision_making: activity.automatedDecisionMaking,
          automated_decision_logic: activity.automatedDecisionLogic,
        });
      }
      if (text !== "") controller.enqueue(bytes.encode(text));
      if (page.length < pageSize) controller.close();
      else cursor = page[page.length - 1]!.id;
    },
  });
}
