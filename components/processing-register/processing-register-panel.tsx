"use client";
// The Art. 30 register as a spreadsheet: Export for every reader, Import for
// those who may write it, with a refused file's problems listed by row and column.
import { useId, useState, type FormEvent } from "react";
import { readRegisterProblems, RegisterProblemsTable } from "@/components/processing-register/register-problems-table";
import { useImportProcessingRegister } from "@/components/processing-register/use-import-processing-register";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/client/api-error";

const exportUrl = "/api/engine/compliance/processing-activities/export.csv";

export function ProcessingRegisterPanel({ canImport, columns }: { canImport: boolean; columns: readonly string[] }) {
  const fileInputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const importRegister = useImportProcessingRegister();
  const error = importRegister.error;
  const problems = error instanceof ApiError ? readRegisterProblems(error.details) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) importRegister.mutate(file);
  };

  return (
    <div className="space-y-6">
      <Card className="p-5">
        <h2 className="text-base font-semibold text-slate-900">Export</h2>
        <p className="mt-1 text-sm text-slate-600">
          Every processing activity of the organization, one per row, in the columns the import reads: edit it in a
          spreadsheet and import it again.
        </p>
        <a href={exportUrl} download className={buttonClassName("secondary", "md", "mt-4")}>
          Export CSV
        </a>
      </Card>

      {canImport ? (
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">Import</h2>
          <p className="mt-1 text-sm text-slate-600">
            A CSV file with a header row. Columns: <span className="font-mono">{columns.join(", ")}</span>. Lists are
            separated by semicolons; transfers are written <span className="font-mono">CC: safeguard</span>. A row whose{" "}
            <span className="font-mono">id</span> names an existing activity updates it, any other row adds one;
            activities the file leaves out stay as they are. Nothing is written unless every row is valid.
          </p>
          <form onSubmit={onSubmit} className="mt-4 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={fileInputId} className="block text-sm font-medium text-slate-800">
                Register file (CSV)
              </label>
              <input
                id={fileInputId}
                type="file"
                accept=".csv,text/csv"
                className="mt-1 block text-sm"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  importRegister.reset();
                }}
              />
            </div>
            <Button type="submit" disabled={!file || importRegister.isPending}>
              {importRegister.isPending ? "Importing…" : "Import"}
            </Button>
          </form>

          <div className="mt-4 space-y-3" aria-live="polite">
            {importRegister.isSuccess ? (
              <Alert tone="success" title="Imported">
                {importRegister.data.accepted} {importRegister.data.accepted === 1 ? "activity" : "activities"}:{" "}
                {importRegister.data.created} created, {importRegister.data.updated} updated.
              </Alert>
            ) : null}
            {error ? (
              <Alert tone="error" title="Nothing was imported">
                {error.message}
              </Alert>
            ) : null}
            {problems && problems.length > 0 ? <RegisterProblemsTable problems={problems} /> : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
