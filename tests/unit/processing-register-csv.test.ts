// The Art. 30 register spreadsheet: reading a CSV into ingest records, every
// problem by row and column, and the cell forms export and import share.
import { describe, expect, it } from "vitest";
import { parseRegisterCsv } from "@/lib/processing-register/parse-register-csv";
import {
  decodeListCell,
  decodeTransfersCell,
  encodeListCell,
  encodeTransfersCell,
  unguardCell,
} from "@/lib/processing-register/register-cells";
import { registerColumns } from "@/lib/processing-register/register-columns";
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import { processingActivityRecordSchema } from "@/lib/ingest/schemas";

const header = registerColumns.join(",");
const goodRow =
  "pa-1,,Customer support,Answer support requests,contract,contact details; support messages,customers,HelpDeskly,3 years,US: EU-US Data Privacy Framework,The customer,false,";

function problemsOf(text: string) {
  const parsed = parseRegisterCsv(text);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems;
}

describe("parseRegisterCsv", () => {
  it("reads a row into the ingest record, lists split on semicolons", () => {
    const parsed = parseRegisterCsv(`${header}\r\n${goodRow}\r\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual([{ row: 2 }]);
    expect(parsed.batch.records).toEqual([
      {
        id: "pa-1",
        agentId: null,
        name: "Customer support",
        purpose: "Answer support requests",
        legalBasis: "contract",
        dataCategories: ["contact details", "support messages"],
        subjectCategories: ["customers"],
        recipients: ["HelpDeskly"],
        retention: "3 years",
        thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
        dataSource: "The customer",
        automatedDecisionMaking: false,
        automatedDecisionLogic: null,
      },
    ]);
  });

  it("lists every bad cell by spreadsheet row and column name", () => {
    const rows = [
      goodRow,
      "pa-2,,Marketing,,because,email,customers,,1 year,USA: SCCs,,maybe,",
      "pa-3,,Scoring,Fraud checks,contract,,customers,,1 year,,,true,",
      "pa-1,,Twin,Same id,contract,email,customers,,1 year,,,false,",
    ];
    const problems = problemsOf(`${header}\n${rows.join("\n")}\n`);
    expect(problems.map(({ row, column }) => `${row} ${column}`).sort()).toEqual(
      [
        "3 purpose",
        "3 legal_basis",
        "3 third_country_transfers",
        "3 automated_decision_making",
        "4 data_categories",
        "4 automated_decision_logic",
        "5 id",
      ].sort(),
    );
    expect(problems.find((p) => p.row === 3 && p.column === "third_country_transfers")?.message).toBe(
      "item 1 country: Use an ISO 3166-1 alpha-2 country code, e.g. DE",
    );
    expect(problems.find((p) => p.row === 3 && p.column === "automated_decision_making")?.message).toBe(
      "Use true or false (or leave it empty for false)",
    );
    expect(problems.find((p) => p.row === 5)?.message).toBe("Repeats the id of row 2");
  });

  it("counts rows as a spreadsheet does: blank lines keep their number, a quoted line break stays in its cell", () => {
    const multiLine = `pa-2,,"Support, EU","Answers ""tickets""\nby email",contract,email,customers,,1 year,,,false,`;
    const parsed = parseRegisterCsv(`${header}\n\n${multiLine}\n${goodRow}\n\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual([{ row: 3 }, { row: 4 }]);
    expect(parsed.batch.records[0]).toMatchObject({ name: "Support, EU", purpose: 'Answers "tickets"\nby email' });

    const problems = problemsOf(`${header}\n\n${multiLine.replace("contract", "none")}\n`);
    expect(problems).toEqual([{ row: 3, column: "legal_basis", message: expect.stringContaining("Invalid option") }]);
  });

  it("refuses unknown, repeated and missing columns in the header, and nothing else is judged", () => {
    const problems = problemsOf(
      "id,name,name,purpose,legal_basis,controller,data_categories,subject_categories\npa-1,x,x,y,contract,Acme,a,b\n",
    );
    expect(problems).toEqual([
      { row: 1, column: "name", message: "The column appears twice" },
      { row: 1, column: "controller", message: expect.stringContaining("Unknown column") },
      { row: 1, column: "retention", message: "Missing column" },
    ]);
  });

  it("takes the optional columns as empty when the file leaves them out, in any order, any case", () => {
    const parsed = parseRegisterCsv(
      "Retention,ID,Name,Purpose,Legal_Basis,Data_Categories,Subject_Categories\n1 year,pa-9,Payroll,Pay staff,legal_obligation,bank details,employees\n",
    );
    expect(parsed.ok && parsed.batch.records[0]).toMatchObject({
      id: "pa-9",
      retention: "1 year",
      recipients: [],
      thirdCountryTransfers: [],
      automatedDecisionMaking: false,
    });
  });

  it("refuses an empty file, a header alone, and a row with the wrong number of cells", () => {
    expect(problemsOf("")).toEqual([
      { row: null, column: null, message: expect.stringContaining("The file is empty") },
    ]);
    expect(problemsOf("\n \n")).toEqual([
      { row: null, column: null, message: expect.stringContaining("The file is empty") },
    ]);
    expect(problemsOf(`${header}\n`)).toEqual([
      { row: null, column: null, message: "No activities below the header row" },
    ]);
    expect(problemsOf(`${header}\n${goodRow},extra\n`)).toContainEqual({
      row: 2,
      column: null,
      message: "Has 14 cells where the header has 13",
    });
  });

  it("reads a byte order mark, CRLF and semicolon-separated files", () => {
    const semicolons = `\ufeff${registerColumns.join(";")}\r\npa-1;;Support;Answer;contract;"email; phone";customers;;1 year;;;no;\r\n`;
    const parsed = parseRegisterCsv(semicolons);
    expect(parsed.ok && parsed.batch.records[0]).toMatchObject({ id: "pa-1", dataCategories: ["email", "phone"] });
  });

  it("reports an unclosed quote with its row", () => {
    const problems = problemsOf(`${header}\n${goodRow}\npa-2,,"Unclosed,x\n`);
    expect(problems.some((problem) => problem.row === 3 && /quote/i.test(problem.message))).toBe(true);
  });
});

describe("register cells", () => {
  it("round-trips lists, JSON when an item holds a semicolon", () => {
    for (const items of [[], ["a"], ["a", "b c"], ["a; b", "c"], ["[x]", "y"]]) {
      const decoded = decodeListCell(encodeListCell(items));
      expect(decoded).toEqual({ ok: true, value: items });
    }
    expect(decodeListCell("[1, 2]")).toMatchObject({ ok: false });
  });

  it("round-trips transfers", () => {
    for (const transfers of [
      [],
      [{ country: "US", safeguard: "SCCs" }],
      [
        { country: "IN", safeguard: "Art. 49(1)(b): necessary for the contract" },
        { country: "US", safeguard: "SCCs; and a TIA" },
      ],
    ]) {
      expect(decodeTransfersCell(encodeTransfersCell(transfers))).toEqual({ ok: true, value: transfers });
    }
    expect(decodeTransfersCell("US SCCs")).toMatchObject({ ok: false });
  });

  it("undoes the CSV dialect's formula guard and nothing else", () => {
    const guarded = encodeCsvCell("=HYPERLINK(1)");
    expect(guarded).toBe(`"'=HYPERLINK(1)"`);
    expect(unguardCell("'=HYPERLINK(1)")).toBe("=HYPERLINK(1)");
    expect(unguardCell("'quoted")).toBe("'quoted");
    expect(unguardCell("-")).toBe("-");
  });
});

describe("the automated decision-making rule of the ingest schema", () => {
  it("refuses a record that is not an object without throwing", () => {
    for (const value of [null, 1, "x", []]) expect(processingActivityRecordSchema.safeParse(value).success).toBe(false);
  });
});
