// The ingest benchmark's batches: audit events of about 300 bytes each and
// emails with a body of about 1.6 KB, shaped like the platform's own pushes.
export type IngestBenchKind = "audit-events" | "emails";

const paragraph =
  "Thanks for your message about order 4471. We have updated the delivery address and will confirm by email. ";

/** Milliseconds between one record's time and the next, within a batch and across a run's batches. */
export const recordSpacingMs = 10;

/**
 * One batch as the JSON text a client sends; `tag` makes its client ids
 * unique. Its records' times start at `firstAt` and advance by
 * `recordSpacingMs`, as a platform's pushes carry the time of each activity:
 * batches that repeated the same times piled their rows onto the same keys of
 * the time indexes, so every commit rewrote pages all over that pile.
 */
export function buildIngestBatch(
  kind: IngestBenchKind,
  tag: string,
  agentIds: readonly string[],
  size: number,
  firstAt: number,
): string {
  const agentOf = (i: number) => agentIds[i % agentIds.length]!;
  const records =
    kind === "emails"
      ? Array.from({ length: size }, (_, i) => ({
          id: `${tag}-${i}`,
          agentId: agentOf(i),
          direction: i % 2 ? "inbound" : "outbound",
          messageId: `<${tag}-${i}@mail.example>`,
          fromAddress: "agent@acme.example",
          toAddresses: [`customer${i}@customer.example`],
          ccAddresses: i % 5 === 0 ? ["billing@acme.example"] : [],
          subject: `${tag} re: order ${i}`,
          body: paragraph.repeat(15),
          sentAt: new Date(firstAt + i * recordSpacingMs).toISOString(),
        }))
      : Array.from({ length: size }, (_, i) => ({
          id: `${tag}-${i}`,
          occurredAt: new Date(firstAt + i * recordSpacingMs).toISOString(),
          actorType: "agent",
          actorId: agentOf(i),
          actorLabel: `Agent ${(i % agentIds.length) + 1}`,
          action: "agent.action_denied",
          category: "agent_enforcement",
          targetType: "recipient",
          targetId: `customer${i}@customer.example`,
          agentId: agentOf(i),
          outcome: "denied",
          ip: "203.0.113.7",
          metadata: { reason: "recipient_domain_not_allowed", recipient: `customer${i}@customer.example`, batch: tag },
        }));
  return JSON.stringify({ records });
}
