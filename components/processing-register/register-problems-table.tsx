// The problems an import found, one per row: where in the spreadsheet, and what.
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

export type RegisterProblem = { row: number | null; column: string | null; message: string };

export function RegisterProblemsTable({ problems }: { problems: RegisterProblem[] }) {
  return (
    <Table aria-label="Problems in the file">
      <TableHead>
        <tr>
          <TableHeaderCell scope="col">Row</TableHeaderCell>
          <TableHeaderCell scope="col">Column</TableHeaderCell>
          <TableHeaderCell scope="col">Problem</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <TableCell>{problem.row ?? "whole file"}</TableCell>
            <TableCell className="font-mono">{problem.column ?? "—"}</TableCell>
            <TableCell>{problem.message}</TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/** The problem list of a refused import's error details, or null when it has none. */
export function readRegisterProblems(details: unknown): RegisterProblem[] | null {
  const rows = (details as { rows?: unknown } | undefined)?.rows;
  if (!Array.isArray(rows)) return null;
  return rows.filter(
    (row): row is RegisterProblem => typeof row === "object" && row !== null && typeof row.message === "string",
  );
}
