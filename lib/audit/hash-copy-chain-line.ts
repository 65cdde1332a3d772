// Verification's fast path on PostgreSQL: an event's hash recomputed from its
// line of COPY text (chainEventColumns), the canonical form (hash-audit-event.ts)
// written with the line's fields as they stand instead of each one checked
// and quoted, and without an event object in between.
//
// Where nothing before `metadata` is a quote, a hash taken this way can match
// the stored one only if the stored values are the ones hashed: each string
// then ends where its field ends, COPY's escapes \\ \b \f \n \r \t read the
// same in JSON, and what COPY writes otherwise (\v, other control characters
// left raw) is not valid JSON, so it cannot match. A line whose hash does not
// match is hashed again from its fields (read-audit-chain-events.ts), whose
// answer stands. Lines with a quote, an erased field, another timestamp form,
// a NULL where none belongs, or an escape in a value kept as read (salt,
// actorLabel, ip) answer null and take the field path at once.
import { hash } from "node:crypto";
import type { VerifiableEvent } from "@/lib/audit-chain/chain-verification";
import { chainVersion } from "@/lib/audit-chain/chained-audit-event";
import { canonicalMetadataDigests } from "@/lib/audit-chain/hash-audit-event";
import { isoTimestampOfPostgresText } from "@/lib/audit/iso-timestamp-of-stored";
import { unescapeCopyText } from "@/lib/db/read-copy-text-rows";
import { noVerifiedChainLines, type VerifiedChainLines } from "@/lib/audit/verified-chain-lines";

/** An event as PostgreSQL's fast path reads it, with the hash its stored fields give. */
export type HashedChainLink = VerifiableEvent & { recomputedHash: string };

const copyNull = "\\N";
const columnCount = 21;
const attestSource = `{"kind":"attest"}`;

const sha256 = (text: string): string => hash("sha256", text, "hex");
/** A nullable field in the canonical form. */
const text = (field: string): string => (field === copyNull ? "null" : `"${field}"`);
/** A COPY escape in a field (values kept as read must hold none). */
const hasEscape = (field: string): boolean => field.includes("\\");

/** The canonical form's `,"org":…` for an org: every line of one COPY shares it. */
export function orgMemberOf(orgId: string): string {
  return `,"org":${JSON.stringify(orgId)}`;
}

/**
 * The event of one line, or null: the line takes the field path. `verified`:
 * lines this process verified before, whose hash is then known, not recomputed.
 */
export function hashCopyChainLine(
  orgMember: string,
  line: string,
  verified: VerifiedChainLines = noVerifiedChainLines,
): HashedChainLink | null {
  const fields = line.split("\t");
  if (fields.length !== columnCount) return null;
  const metadataText = fields[19]!;
  const redactions = fields[20]!;
  if (redactions !== copyNull) return null;
  const quoteAt = line.indexOf('"');
  if (quoteAt !== -1 && quoteAt < line.length - redactions.length - metadataText.length - 1) return null;
  const action = fields[0]!;
  const actorType = fields[2]!;
  const category = fields[4]!;
  const id = fields[5]!;
  const outcome = fields[7]!;
  const salt = fields[16]!;
  const actorLabel = fields[17] === copyNull ? null : fields[17]!;
  const ip = fields[18] === copyNull ? null : fields[18]!;
  if (
    action === copyNull ||
    actorType === copyNull ||
    category === copyNull ||
    id === copyNull ||
    outcome === copyNull ||
    hasEscape(salt) ||
    (actorLabel !== null && hasEscape(actorLabel)) ||
    (ip !== null && hasEscape(ip))
  ) {
    return null;
  }
  const occurredAt = isoTimestampOfPostgresText(fields[6]!);
  const seqText = fields[9]!;
  const seq = Number(seqText);
  if (occurredAt === null || !Number.isSafeInteger(seq)) return null;
  let metadata: Record<string, unknown> | null = null;
  if (metadataText !== copyNull) {
    metadata = JSON.parse(hasEscape(metadataText) ? unescapeCopyText(metadataText) : metadataText) as Record<
      string,
      unknown
    >;
  }
  const storedHash = fields[15]!;
  // The very text verified before gives the very hash it gave then: the stored one.
  const key = verified.keyOf(line);
  const known = verified.has(seq, key);
  const recomputedHash = known
    ? storedHash
    : canonicalHashOf(orgMember, fields, { salt, actorLabel, ip, metadata, occurredAt });
  if (!known && recomputedHash === storedHash) verified.add(seq, key);
  return {
    seq,
    prevHash: fields[8]!,
    hash: storedHash,
    salt,
    actorLabel,
    ip,
    metadata,
    redactions: null,
    recomputedHash,
  };
}

type LineValues = Pick<VerifiableEvent, "salt" | "actorLabel" | "ip" | "metadata"> & { occurredAt: string };

/** SHA-256 of the canonical form, written from the line's fields as they stand. */
function canonicalHashOf(
  orgMember: string,
  fields: string[],
  { salt, actorLabel, ip, metadata, occurredAt }: LineValues,
): string {
  let personal = "";
  if (actorLabel !== null) personal = `"actorLabel":"${sha256(`${salt}\u0000actorLabel\u0000"${actorLabel}"`)}"`;
  if (ip !== null) personal += `${personal ? "," : ""}"ip":"${sha256(`${salt}\u0000ip\u0000"${ip}"`)}"`;
  // As canonicalPersonal: a JSON null (or another falsy value) has no digests.
  const digests = metadata ? canonicalMetadataDigests(salt, metadata) : "";
  if (digests) personal += `${personal ? "," : ""}${digests}`;
  const source =
    fields[10] === "attest"
      ? attestSource
      : `{"apiKeyId":${text(fields[11]!)},"kind":"ingest","userId":${text(fields[12]!)}}`;
  return sha256(
    `{"action":"${fields[0]}","actorId":${text(fields[1]!)},"actorType":"${fields[2]}","agentId":${text(fields[3]!)}` +
      `,"category":"${fields[4]}","id":"${fields[5]}","occurredAt":"${occurredAt}"${orgMember},"outcome":"${fields[7]}"` +
      `,"personal":{${personal}},"prev":"${fields[8]}","seq":${fields[9]},"source":${source}` +
      `,"targetId":${text(fields[13]!)},"targetType":${text(fields[14]!)},"v":${chainVersion}}`,
  );
}
