// The chain's hash of one event: SHA-256 over the RFC 8785 canonical JSON of
// its fields, its place (org, sequence, previous hash), its source, and the
// salted digests of its personal fields.
//
// The event's own keys are fixed and its values are strings, numbers or null,
// so its canonical form is written directly in RFC 8785 key order (JSON.stringify
// is RFC 8785's serialization of a string or a number); only values of unknown
// shape (metadata) go through the canonicalize library. A property test holds
// this equal to canonicalize() of the whole object. Hashing is on every ingest
// and every verification, so this is where their time goes.
import { hash } from "node:crypto";
import canonicalize from "canonicalize";
import {
  chainVersion,
  personalFieldsOf,
  type AuditEventSource,
  type HashableAuditEvent,
} from "@/lib/audit-chain/chained-audit-event";
import type { StoredChainLink } from "@/lib/audit-chain/chain-verification";

/** The fields the personal digests are taken over. */
type PersonalFields = Pick<HashableAuditEvent, "salt" | "actorLabel" | "ip" | "metadata" | "redactions">;

const sha256 = (text: string): string => hash("sha256", text, "hex");

/** Characters JSON.stringify would escape (a lone surrogate among them). */
const escaped = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, skipped where nothing needs escaping (most ids and names). */
function quote(value: string): string {
  return escaped.test(value) ? JSON.stringify(value) : `"${value}"`;
}

function canonicalValue(name: string, value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean" || value === null) return JSON.stringify(value);
  if (typeof value === "number" && Number.isFinite(value)) return JSON.stringify(value);
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error(`Field ${name} cannot be canonicalized`);
  return canonical;
}

export function digestPersonalField(salt: string, name: string, value: unknown): string {
  return sha256(`${salt}\u0000${name}\u0000${canonicalValue(name, value)}`);
}

/** Digests of the personal fields: of each value present, or the digest kept when it was erased. */
export function personalDigestsOf(event: PersonalFields): Record<string, string> {
  const digests: Record<string, string> = event.redactions ? { ...event.redactions } : {};
  for (const [name, value] of personalFieldsOf(event)) {
    digests[name] = digestPersonalField(event.salt, name, value);
  }
  return digests;
}

const isoTimestampOf = ({ occurredAt }: HashableAuditEvent): string =>
  typeof occurredAt === "string" ? occurredAt : occurredAt.toISOString();

const text = (value: string | null): string => (value === null ? "null" : quote(value));

/** `source` in RFC 8785 form: keys sorted, nulls kept. */
function canonicalSource(source: AuditEventSource): string {
  return source.kind === "attest"
    ? `{"kind":"attest"}`
    : `{"apiKeyId":${text(source.apiKeyId)},"kind":"ingest","userId":${text(source.userId)}}`;
}

/** `personal` in RFC 8785 form: names sorted by UTF-16 code units (JS's default sort), hex digests. */
function canonicalDigests(digests: Record<string, string>): string {
  let members = "";
  for (const name of Object.keys(digests).sort()) {
    members += `${members ? "," : ""}${quote(name)}:${quote(digests[name]!)}`;
  }
  return `{${members}}`;
}

/**
 * `personal` in RFC 8785 form straight from the event. Without erased fields
 * the names' order is known (actorLabel < ip < metadata.*), so no object of
 * digests is built and sorted: verification runs this once per stored event.
 */
function canonicalPersonal(event: PersonalFields): string {
  if (event.redactions) return canonicalDigests(personalDigestsOf(event));
  let members = "";
  if (event.actorLabel !== null) {
    members = `"actorLabel":"${digestPersonalField(event.salt, "actorLabel", event.actorLabel)}"`;
  }
  if (event.ip !== null) {
    members += `${members ? "," : ""}"ip":"${digestPersonalField(event.salt, "ip", event.ip)}"`;
  }
  if (event.metadata) {
    const digests = canonicalMetadataDigests(event.salt, event.metadata);
    if (digests) members += `${members ? "," : ""}${digests}`;
  }
  return `{${members}}`;
}

/** The `personal` members of metadata's keys (names sorted, comma-separated), as canonicalPersonal writes them. */
export function canonicalMetadataDigests(salt: string, metadata: Record<string, unknown>): string {
  let members = "";
  for (const key of Object.keys(metadata).sort()) {
    const value = metadata[key];
    if (value === undefined) continue;
    const name = `metadata.${key}`;
    members += `${members ? "," : ""}${quote(name)}:"${digestPersonalField(salt, name, value)}"`;
  }
  return members;
}

/** The canonical bytes the event hash is taken over. */
export function canonicalAuditEvent(event: HashableAuditEvent, digests?: Record<string, string>): string {
  // Keys in RFC 8785 order (UTF-16 code units): actorId … v.
  return (
    `{"action":${quote(event.action)}` +
    `,"actorId":${text(event.actorId)}` +
    `,"actorType":${quote(event.actorType)}` +
    `,"agentId":${text(event.agentId)}` +
    `,"category":${quote(event.category)}` +
    `,"id":${quote(event.id)}` +
    `,"occurredAt":"${isoTimestampOf(event)}"` +
    `,"org":${quote(event.orgId)}` +
    `,"outcome":${quote(event.outcome)}` +
    `,"personal":${digests ? canonicalDigests(digests) : canonicalPersonal(event)}` +
    `,"prev":${quote(event.prevHash)}` +
    `,"seq":${JSON.stringify(event.seq)}` +
    `,"source":${canonicalSource(event.source)}` +
    `,"targetId":${text(event.targetId)}` +
    `,"targetType":${text(event.targetType)}` +
    `,"v":${chainVersion}}`
  );
}

/** The same object canonicalize() is given; kept for the property test that pins the two together. */
export function auditEventHashInput(event: HashableAuditEvent, digests = personalDigestsOf(event)) {
  return {
    v: chainVersion,
    org: event.orgId,
    seq: event.seq,
    prev: event.prevHash,
    id: event.id,
    occurredAt: isoTimestampOf(event),
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    category: event.category,
    targetType: event.targetType,
    targetId: event.targetId,
    agentId: event.agentId,
    outcome: event.outcome,
    source: event.source,
    personal: digests,
  };
}

export function hashAuditEvent(event: HashableAuditEvent): string {
  return sha256(canonicalAuditEvent(event));
}

/**
 * The hash of an event read in the fast path's form (the database wrote the
 * text around `personal`); null text from the database never matches.
 */
export function hashChainLink(link: StoredChainLink): string | null {
  if (link.canonicalHead === null || link.canonicalTail === null) return null;
  return sha256(link.canonicalHead + canonicalPersonal(link) + link.canonicalTail);
}
