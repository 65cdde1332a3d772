// Reads an Art. 30 register spreadsheet (CSV) into processing-activities ingest
// records, judged by the ingest API's own schema, so a row is refused here
// exactly when the same record would be refused as JSON. Every problem is
// reported at once, by spreadsheet row (the header is row 1) and column name.
import Papa from "papaparse";
import {
  maxRecordsPerRequest,
  processingActivityBatchSchema,
  type ProcessingActivityBatch,
} from "@/lib/ingest/schemas";
import {
  columnOfField,
  fieldOfColumn,
  registerColumns,
  requiredRegisterColumns,
  type RegisterColumn,
} from "@/lib/processing-register/register-columns";
import {
  decodeListCell,
  decodeOptionalTextCell,
  decodeTransfersCell,
  decodeYesNoCell,
  unguardCell,
  type CellResult,
} from "@/lib/processing-register/register-cells";

/** `row` is null for a problem of the whole file; `column` null for one of the whole row. */
export type RegisterProblem = { row: number | null; column: string | null; message: string };

export type ParsedRegister =
  | { ok: true; batch: ProcessingActivityBatch; /** Each record's spreadsheet row. */ rows: { row: number }[] }
  | { ok: false; problems: RegisterProblem[] };

const knownColumns = new Set<string>(registerColumns);
const firstDataRow = 2;

export function parseRegisterCsv(text: string): ParsedRegister {
  // One line ending throughout: files edited by hand mix them, and papaparse splits on the first it sees.
  const normalized = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(normalized, {
    // Spreadsheets in many locales save with semicolons; the header decides.
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
  });
  const problems: RegisterProblem[] = parsed.errors
    // A one-column file makes papaparse warn it guessed the delimiter: the header check says more.
    .filter((error) => error.code !== "UndetectableDelimiter")
    .map((error) => ({
      row: error.row === undefined ? null : error.row + 1,
      column: null,
      message: error.message,
    }));
  const lines = parsed.data;
  const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");
  const headerIndex = lines.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    return fail([
      {
        row: null,
        column: null,
        message: `The file is empty: the first row names the columns (${registerColumns.join(", ")})`,
      },
    ]);
  }
  const header = lines[headerIndex]!.map((cell) => cell.trim().toLowerCase());
  const headerRow = headerIndex + 1;
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") problems.push({ row: headerRow, column: null, message: "A column has no name" });
    else if (!knownColumns.has(name))
      problems.push({
        row: headerRow,
        column: name,
        message: `Unknown column; the columns are ${registerColumns.join(", ")}`,
      });
    else if (seen.has(name)) problems.push({ row: headerRow, column: name, message: "The column appears twice" });
    seen.add(name);
  }
  for (const column of requiredRegisterColumns) {
    if (!seen.has(column)) problems.push({ row: headerRow, column, message: "Missing column" });
  }
  if (problems.length > 0) return fail(problems);

  const rows: { row: number; cells: string[] }[] = [];
  lines.forEach((cells, index) => {
    if (index > headerIndex && !isBlank(cells)) rows.push({ row: index + 1, cells });
  });
  if (rows.length === 0) return fail([{ row: null, column: null, message: "No activities below the header row" }]);
  if (rows.length > maxRecordsPerRequest) {
    return fail([{ row: null, column: null, message: `At most ${maxRecordsPerRequest} activities per file` }]);
  }

  // Cells that cannot even be read as their type; zod's word on those is not repeated.
  const unreadable = new Set<string>();
  const records = rows.map(({ row, cells }) => {
    if (cells.length !== header.length) {
      problems.push({
        row,
        column: null,
        message: `Has ${cells.length} cells where the header has ${header.length}`,
      });
    }
    const record: Record<string, unknown> = {};
    for (const column of registerColumns) {
      const index = header.indexOf(column);
      const cell = unguardCell(index < 0 ? "" : (cells[index] ?? ""));
      const decoded = decodeCell(column, cell);
      if (decoded.ok) {
        if (decoded.value !== undefined) record[fieldOfColumn[column]] = decoded.value;
      } else {
        problems.push({ row, column, message: decoded.message });
        unreadable.add(`${row}\n${column}`);
      }
    }
    return record;
  });

  const checked = processingActivityBatchSchema.safeParse({ records });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const problem = toProblem(issue.path, issue.message, rows);
      if (!unreadable.has(`${problem.row}\n${problem.column}`)) problems.push(problem);
    }
  }
  if (problems.length > 0 || !checked.success) return fail(problems);
  return { ok: true, batch: checked.data, rows: rows.map(({ row }) => ({ row })) };
}

function decodeCell(column: RegisterColumn, cell: string): CellResult<unknown> {
  switch (column) {
    case "data_categories":
    case "subject_categories":
    case "recipients":
      return decodeListCell(cell);
    case "third_country_transfers":
      return decodeTransfersCell(cell);
    case "automated_decision_making":
      return decodeYesNoCell(cell);
    case "agent_id":
    case "data_source":
    case "automated_decision_logic":
      return { ok: true, value: decodeOptionalTextCell(cell) };
    case "id":
    case "legal_basis":
      return { ok: true, value: cell.trim() };
    default:
      return { ok: true, value: cell };
  }
}

/** A path of the batch schema (`records.3.thirdCountryTransfers.0.country`) as row and column. */
export function toProblem(
  path: readonly PropertyKey[],
  message: string,
  rows: readonly { row: number }[],
): RegisterProblem {
  const rowOfRecord = (index: number) => rows[index]?.row ?? index + firstDataRow;
  // "Repeats the id of records.5" speaks of records; a spreadsheet user sees rows.
  const readable = message.replace(/records\.(\d+)/g, (_, index: string) => `row ${rowOfRecord(Number(index))}`);
  const [first, index, field, ...rest] = path;
  if (first !== "records" || typeof index !== "number") return { row: null, column: null, message: readable };
  const column = typeof field === "string" ? (columnOfField[field as keyof typeof columnOfField] ?? field) : null;
  // Inside a list: say which item (1-based), as a person counts them.
  const where =
    rest.length > 0
      ? `${rest.map((part) => (typeof part === "number" ? `item ${part + 1}` : String(part))).join(" ")}: `
      : "";
  return { row: rowOfRecord(index), column, message: `${where}${readable}` };
}

function fail(problems: RegisterProblem[]): ParsedRegister {
  return { ok: false, problems };
}
