import { parseCopyTextLine, unescapeCopyText } from "@/lib/db/read-copy-text-rows";
import { compactJsonbText } from "./compact-jsonb-text";
import type { AgentDirectory } from "./load-agent-directory";
import { toAuditEventRecord } from "./sources/audit-event-population";
import { toIsoTimestamp } from "./sql-population";
import { toAuditEventRow } from "./to-audit-event-row";

/** A value JSON writes with an escape, or COPY's text with one: not copied as it stands. */
const needsEscape = /["\\\u0000-\u001f]/;

/**
 * toAuditEventRow's JSON text straight from a line of the audit event
 * population's COPY text (auditEventSelectList), without a record, a row
 * object or JSON.stringify: the fields are copied between the row's keys. A
 * line whose metadata holds a change (before/after, from/to), an escape, or
 * anything compactJsonbText is not certain of is rendered the usual way.
 */
export function renderAuditEventCopyLine(line: string, agents: AgentDirectory): string {
  const fields = line.split("\t");
  const metadata = fields[12]!;
  let details = "null";
  if (metadata !== nullText) {
    const compact =
      metadata.includes("\\") || metadata.includes('"before"') || metadata.includes('"from"')
        ? null
        : compactJsonbText(metadata);
    if (compact === null) return JSON.stringify(toAuditEventRow(toAuditEventRecord(parseCopyTextLine(line)), agents));
    if (compact !== "{}") details = compact;
  }
  const agentId = fields[9]!;
  const agentName = agentId === nullText ? null : agents.nameOf(agentId);
  return (
    `{"occurred_at":"${toIsoTimestamp(fields[1])}","id":${text(fields[0]!)},"seq":${fields[13]},` +
    `"category":${text(fields[6]!)},"action":${text(fields[5]!)},"outcome":${text(fields[10]!)},` +
    `"actor_type":${text(fields[2]!)},"actor_id":${text(fields[3]!)},"actor":${text(fields[4]!)},` +
    `"agent_id":${text(agentId)},"agent_name":${agentName === null ? "null" : JSON.stringify(agentName)},` +
    `"target_type":${text(fields[7]!)},"target_id":${text(fields[8]!)},"ip":${text(fields[11]!)},` +
    `"written_by":${writtenBy(fields[14]!, fields[15]!, fields[16]!)},"before":null,"after":null,"details":${details}}`
  );
}

const nullText = "\\N";

/** A text field as a JSON value: null for NULL, copied between quotes where nothing needs escaping. */
function text(field: string): string {
  if (field === nullText) return "null";
  return needsEscape.test(field) ? JSON.stringify(unescapeCopyText(field)) : `"${field}"`;
}

/** As toAuditEventRow's written_by. */
function writtenBy(source: string, sourceApiKeyId: string, sourceUserId: string): string {
  if (source !== "ingest") return text(source);
  if (sourceApiKeyId !== nullText) return JSON.stringify(`ingest (API key ${unescapeCopyText(sourceApiKeyId)})`);
  if (sourceUserId !== nullText) return JSON.stringify(`ingest (user ${unescapeCopyText(sourceUserId)})`);
  return '"ingest"';
}
