// Imports an Art. 30 register spreadsheet: every row checked first, then all of
// them written through the processing-activities ingest upsert (one
// transaction, one audit event per activity created or changed), so nothing is
// written unless every row is valid. A row updates the activity its `id` names
// (the ingest client id, or the stored id of an activity never ingested), else
// creates one; activities the file does not mention are left as they are.
import "server-only";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import type { IngestContext } from "@/lib/ingest/ingest-records";
import {
  upsertProcessingActivities,
  type UpsertProcessingActivitiesResult,
} from "@/lib/ingest/upsert-processing-activities";
import { parseRegisterCsv, toProblem, type RegisterProblem } from "@/lib/processing-register/parse-register-csv";

export async function importProcessingRegister(
  ctx: IngestContext,
  csvText: string,
): Promise<UpsertProcessingActivitiesResult> {
  const parsed = parseRegisterCsv(csvText);
  if (!parsed.ok) throw refused(parsed.problems);
  try {
    return await upsertProcessingActivities(ctx, parsed.batch);
  } catch (error) {
    // References (an agent of another org) are judged against the database: same rows and columns.
    const fields = fieldsOf(error);
    if (!fields) throw error;
    throw refused(
      Object.entries(fields).flatMap(([path, messages]) =>
        messages.map((message) => toProblem(path.split(".").map(toPathPart), message, parsed.rows)),
      ),
    );
  }
}

function refused(problems: RegisterProblem[]): AppError {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return new AppError("validation_failed", `The file has ${count}; nothing was imported`, { rows: problems });
}

function fieldsOf(error: unknown): FieldErrors | null {
  if (!(error instanceof AppError) || error.code !== "validation_failed") return null;
  const details = error.details as { fields?: FieldErrors } | undefined;
  return details?.fields ?? null;
}

function toPathPart(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}
