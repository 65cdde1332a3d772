// Writes the database-access query log: agents and people querying the
// business databases, with row counts, durations and the odd refusal.
import type { Random } from "@/lib/demo/create-random";
import { DAY_MS, WINDOW_DAYS, isMemberAt, roleAt, type DemoDirectory } from "@/lib/demo/build-demo-directory";
import { apportionCount } from "@/lib/demo/apportion-count";
import { createIdSequence } from "@/lib/demo/create-id-sequence";
import { createRowBuffer } from "@/lib/demo/create-row-buffer";
import { HIGH_VOLUME_AGENT_KEY, type AgentKind } from "@/lib/demo/demo-catalog";
import { demoTableColumns, type QueryLogRow } from "@/lib/demo/demo-tables";
import type { DemoVolumes } from "@/lib/demo/get-demo-volumes";
import type { RowSink } from "@/lib/demo/open-bulk-writer";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

const statements: Record<string, readonly string[]> = {
  crm: [
    "SELECT id, name, email FROM contacts WHERE account_id = $1",
    "SELECT * FROM accounts WHERE domain = $1",
    "UPDATE contacts SET last_contacted_at = now() WHERE id = $1",
  ],
  billing: [
    "SELECT id, amount, status FROM invoices WHERE customer_id = $1",
    "SELECT * FROM payments WHERE invoice_id = $1",
    "INSERT INTO refunds (payment_id, amount) VALUES ($1, $2)",
  ],
  support: [
    "SELECT * FROM tickets WHERE requester_email = $1 ORDER BY created_at DESC LIMIT 20",
    "UPDATE tickets SET status = $1 WHERE id = $2",
    "SELECT body FROM ticket_messages WHERE ticket_id = $1",
  ],
  analytics: [
    "SELECT date_trunc('day', sent_at), count(*) FROM emails GROUP BY 1",
    "SELECT agent_id, count(*) FROM events WHERE at > $1 GROUP BY 1",
  ],
  hr: ["SELECT id, name, department FROM employees WHERE id = $1", "SELECT * FROM payroll WHERE employee_id = $1"],
};
const refused = ["SELECT * FROM customers", "DELETE FROM contacts WHERE id = $1", "SELECT ssn FROM employees"];

const databaseOfKind: Record<AgentKind, string> = {
  support: "support",
  sales: "crm",
  billing: "billing",
  recruiting: "hr",
  vendor: "billing",
  it: "support",
  legal: "crm",
  success: "crm",
  collections: "billing",
  procurement: "billing",
  hr: "hr",
  marketing: "analytics",
};

export async function writeDemoQueryLogs(
  writer: RowSink,
  random: Random,
  dir: DemoDirectory,
  volumes: DemoVolumes,
): Promise<number> {
  const dayStarts = Array.from({ length: WINDOW_DAYS }, (_, i) => dir.anchorMs - (WINDOW_DAYS - i) * DAY_MS);
  const perDay = apportionCount(
    volumes.queryLogs,
    dayStarts.map((d) => ([0, 6].includes(new Date(d).getUTCDay()) ? 0.5 : 1)),
  );
  const nextId = createIdSequence("qry");
  const buffer = createRowBuffer<QueryLogRow>(writer, "QueryLog", demoTableColumns.QueryLog);
  const agentWeights = dir.agents.map((a) => [a, a.def.key === HIGH_VOLUME_AGENT_KEY ? 6 : a.def.weight] as const);

  for (let day = 0; day < WINDOW_DAYS; day++) {
    const dayStart = dayStarts[day] ?? 0;
    const times = Array.from({ length: perDay[day] ?? 0 }, () => pickTimeInDay(random, dayStart)).sort((a, b) => a - b);
    for (const ms of times) {
      let row: Omit<
        QueryLogRow,
        "id" | "database" | "statement" | "rowsReturned" | "durationMs" | "outcome" | "occurredAt"
      >;
      let database: string;
      const people = dir.members.filter((m) => isMemberAt(m, ms) && roleAt(m, ms) !== "member");
      if (random.chance(0.75) || people.length === 0) {
        const agent = random.pickWeighted(agentWeights);
        row = {
          orgId: agent.org.id,
          agentId: agent.id,
          actorType: "agent",
          actorId: agent.id,
          actorLabel: agent.def.name,
        };
        database = databaseOfKind[agent.def.kind];
      } else {
        const person = random.pick(people);
        row = {
          orgId: person.org.id,
          agentId: null,
          actorType: "user",
          actorId: person.userId,
          actorLabel: person.user.email,
        };
        database = random.pick(Object.keys(statements));
      }
      const roll = random.next();
      const outcome = roll < 0.02 ? "denied" : roll < 0.05 ? "failure" : "success";
      const written = buffer.push({
        id: nextId(),
        ...row,
        database,
        statement: outcome === "denied" ? random.pick(refused) : random.pick(statements[database] ?? refused),
        rowsReturned: outcome === "success" ? Math.floor(random.next() ** 3 * 500) : 0,
        durationMs: Math.max(1, Math.round(-Math.log(1 - random.next()) * (outcome === "failure" ? 900 : 25))),
        outcome,
        occurredAt: writer.formatTimestamp(ms),
      });
      if (written) await written;
    }
  }
  return buffer.flush();
}
