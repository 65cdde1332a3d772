// Writes the third-party data-sharing records: disclosures to processors and
// partners over the window, per agent where an agent made them.
import type { Random } from "@/lib/demo/create-random";
import { DAY_MS, WINDOW_DAYS, type DemoDirectory } from "@/lib/demo/build-demo-directory";
import { createIdSequence } from "@/lib/demo/create-id-sequence";
import { createRowBuffer } from "@/lib/demo/create-row-buffer";
import { demoSharingPartners } from "@/lib/demo/demo-catalog";
import { demoTableColumns, type DataSharingRecordRow } from "@/lib/demo/demo-tables";
import type { DemoVolumes } from "@/lib/demo/get-demo-volumes";
import type { RowSink } from "@/lib/demo/open-bulk-writer";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

export async function writeDemoSharingRecords(
  writer: RowSink,
  random: Random,
  dir: DemoDirectory,
  volumes: DemoVolumes,
): Promise<number> {
  const nextId = createIdSequence("shr");
  const buffer = createRowBuffer<DataSharingRecordRow>(writer, "DataSharingRecord", demoTableColumns.DataSharingRecord);
  const times = Array.from({ length: volumes.sharingRecords }, () =>
    pickTimeInDay(random, dir.anchorMs - random.int(1, WINDOW_DAYS) * DAY_MS),
  ).sort((a, b) => a - b);
  const partners = demoSharingPartners.map((p) => [p, p.weight] as const);
  for (const ms of times) {
    const partner = random.pickWeighted(partners);
    const org = dir.orgs.find((o) => o.key === partner.org);
    const agent = dir.agents.find((a) => a.def.key === partner.agent);
    if (!org) continue;
    const written = buffer.push({
      id: nextId(),
      orgId: org.id,
      agentId: agent?.id ?? null,
      recipientName: partner.recipientName,
      recipientDomain: partner.recipientDomain,
      recipientCountry: partner.recipientCountry,
      purpose: partner.purpose,
      legalBasis: partner.legalBasis,
      dataCategories: JSON.stringify(partner.dataCategories),
      transferMechanism: partner.transferMechanism,
      recordCount: random.int(1, 500),
      sharedAt: writer.formatTimestamp(ms),
    });
    if (written) await written;
  }
  return buffer.flush();
}
