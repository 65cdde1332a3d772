// A request's deadline at a glance: overdue, due within seven days, on track or closed.
import { Badge } from "@/components/ui/badge";
import type { DataSubjectRequestResponse } from "@/lib/privacy/schemas";

export function DeadlineBadge({ deadline }: { deadline: DataSubjectRequestResponse["deadline"] }) {
  const days = deadline.daysLeft ?? 0;
  switch (deadline.state) {
    case "overdue":
      return (
        <Badge tone="danger">
          Overdue by {-days} day{days === -1 ? "" : "s"}
        </Badge>
      );
    case "due_soon":
      return <Badge tone="warning">{days === 0 ? "Due today" : `Due in ${days} day${days === 1 ? "" : "s"}`}</Badge>;
    case "on_track":
      return <Badge tone="neutral">Due in {days} days</Badge>;
    case "closed":
      return <Badge tone="success">Closed</Badge>;
  }
}
