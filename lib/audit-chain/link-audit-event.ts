// Gives an event its place in the org's chain: the next sequence number, the
// head's hash as its predecessor, a fresh salt for its personal fields, and
// its own hash. Appends, the demo seed and the migration of older events all
// link through here, so they cannot disagree on what a link is.
import { randomBytes } from "node:crypto";
import { genesisHash, type ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";

/** The newest event of an org's chain: what the next one links to. */
export type ChainHead = { seq: number; hash: string };

export const emptyChainHead: ChainHead = { seq: 0, hash: genesisHash };

/** An event as written, before the chain places it. */
export type UnlinkedAuditEvent = Omit<ChainedAuditEvent, "seq" | "prevHash" | "salt" | "redactions">;

export type LinkedAuditEvent = ChainedAuditEvent & { hash: string };

const SALT_BYTES = 16;
// One randomBytes call per event costs more than hashing the event: salts are
// cut from a larger draw of the same generator.
const SALTS_PER_DRAW = 4096;
let saltPool = Buffer.alloc(0);
let saltOffset = 0;

/** 128 random bits, hex: a personal field's digest cannot be matched against a guessed value. */
export function newPersonalSalt(): string {
  if (saltOffset >= saltPool.length) {
    saltPool = randomBytes(SALT_BYTES * SALTS_PER_DRAW);
    saltOffset = 0;
  }
  const salt = saltPool.toString("hex", saltOffset, saltOffset + SALT_BYTES);
  saltOffset += SALT_BYTES;
  return salt;
}

export function linkAuditEvent(head: ChainHead, event: UnlinkedAuditEvent, salt = newPersonalSalt()): LinkedAuditEvent {
  // One object per event, its hash filled in last: ingest links a thousand per
  // request. Fields listed, not spread: a spread with properties after it built
  // each object through V8's slow path (docs/benchmarks.md, linking an event).
  const linked: LinkedAuditEvent = {
    id: event.id,
    orgId: event.orgId,
    occurredAt: event.occurredAt,
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    category: event.category,
    targetType: event.targetType,
    targetId: event.targetId,
    agentId: event.agentId,
    outcome: event.outcome,
    ip: event.ip,
    metadata: event.metadata,
    source: event.source,
    seq: head.seq + 1,
    prevHash: head.hash,
    salt,
    redactions: null,
    hash: "",
  };
  linked.hash = hashAuditEvent(linked);
  return linked;
}

/** Links a run of events in order; returns them and the chain's new head. */
export function linkAuditEvents(
  head: ChainHead,
  events: readonly UnlinkedAuditEvent[],
  newSalt: () => string = newPersonalSalt,
): { linked: LinkedAuditEvent[]; head: ChainHead } {
  const linked: LinkedAuditEvent[] = [];
  let current = head;
  for (const event of events) {
    const link = linkAuditEvent(current, event, newSalt());
    linked.push(link);
    current = { seq: link.seq, hash: link.hash };
  }
  return { linked, head: current };
}
