// Recomputes an org's chain over a run of stored events, in sequence order,
// one event at a time: memory stays flat however long the chain.
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";
import type { ChainStart, ChainVerification, StoredChainedEvent } from "@/lib/audit-chain/chain-verification";
import { createChainVerifier } from "@/lib/audit-chain/create-chain-verifier";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";

export type { ChainStart, ChainVerification, StoredChainedEvent } from "@/lib/audit-chain/chain-verification";

export async function verifyAuditChain(
  events: AsyncIterable<StoredChainedEvent> | Iterable<StoredChainedEvent>,
  start: ChainStart = { seq: 1, prevHash: genesisHash },
): Promise<ChainVerification> {
  const verifier = createChainVerifier<StoredChainedEvent>(start, hashAuditEvent);
  for await (const event of events) {
    if (!verifier.push(event)) break;
  }
  return verifier.result();
}
