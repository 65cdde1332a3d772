// The agents list with each agent's permission boundaries.
import type { AgentSummary } from "@/lib/dashboard/list-agents-with-boundaries";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

const statusTones: Record<AgentSummary["status"], BadgeTone> = {
  active: "success",
  paused: "warning",
  retired: "neutral",
  unknown: "neutral",
};

const numberFormat = new Intl.NumberFormat("en-US");

function ValueList({ values, emptyLabel }: { values: string[]; emptyLabel: string }) {
  if (values.length === 0) return <span className="text-slate-500 italic">{emptyLabel}</span>;
  return (
    <ul className="flex max-w-md flex-wrap gap-1">
      {values.map((value) => (
        <li key={value} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {value}
        </li>
      ))}
    </ul>
  );
}

export function AgentsTable({ agents }: { agents: AgentSummary[] }) {
  return (
    <Table aria-label="Agents and their permission boundaries">
      <TableHead>
        <tr>
          <TableHeaderCell>Agent</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Allowed tools</TableHeaderCell>
          <TableHeaderCell>Recipient domains</TableHeaderCell>
          <TableHeaderCell className="text-right">Daily send limit</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {agents.map((agent) => (
          <tr key={agent.id}>
            <TableCell className="min-w-52">
              <div className="font-medium text-slate-900">{agent.name}</div>
              <div className="text-xs text-slate-500">{agent.emailAddress}</div>
            </TableCell>
            <TableCell>
              <Badge tone={statusTones[agent.status]}>
                <span className="capitalize">{agent.status}</span>
              </Badge>
            </TableCell>
            <TableCell>
              <ValueList values={agent.allowedTools} emptyLabel="None" />
            </TableCell>
            <TableCell>
              <ValueList values={agent.allowedRecipientDomains} emptyLabel="None" />
            </TableCell>
            <TableCell className="text-right tabular-nums">{numberFormat.format(agent.dailySendLimit)}</TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
