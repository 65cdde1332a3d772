// Generates one claimed attempt of a report: builds it through its definition
// into this attempt's artifacts, then completes it, or fails it with the
// reason (fail closed), or hands it back when the worker is stopping.
// The worker thread is a thin shell around processNextReport → this.
import { randomUUID } from "node:crypto";
import { ArtifactWriter, defaultChunkBytes } from "@/lib/compliance/artifacts/artifact-writer";
import { completeReport } from "@/lib/compliance/jobs/complete-report";
import { createProgressWriter } from "@/lib/compliance/jobs/create-progress-writer";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { failReport } from "@/lib/compliance/jobs/fail-report";
import { releaseReportLease } from "@/lib/compliance/jobs/release-report-lease";
import { renewReportLease } from "@/lib/compliance/jobs/renew-report-lease";
import type { OpenReportArtifacts, ReportArtifacts } from "@/lib/compliance/artifacts/report-artifacts";
import { parseStoredReportScope } from "@/lib/compliance/reports/parse-stored-report-scope";
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportDefinition } from "@/lib/compliance/reports/report-definition";
import { ReportDocumentWriter, schemaVersion } from "@/lib/compliance/artifacts/report-document-writer";
import { ReportJobStoppedError } from "@/lib/compliance/jobs/report-job-errors";
import { classifyReportError, ReportTimedOutError } from "@/lib/compliance/jobs/report-failure";
import { getEnv } from "@/lib/env";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { defaultLeaseSeconds } from "@/lib/compliance/jobs/report-lease-seconds";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { logger } from "@/lib/log/logger";

export type ReportDefinitions = Partial<Record<ReportType, ReportDefinition>>;

export type ReportJobOptions = {
  definitions: ReportDefinitions;
  leaseSeconds?: number;
  chunkBytes?: number;
  /** Polled between pages; true makes the job hand its report back. */
  shouldStop?: () => boolean;
  /** Longest an attempt may run before it stops and the report fails (REPORT_MAX_SECONDS unless given). */
  maxSeconds?: number;
  /** Minimum time between progress writes. */
  progressIntervalMs?: number;
  /**
   * Where the artifacts are stored and the CSV rendered: in this thread unless
   * given (the report worker passes its artifact thread).
   */
  openArtifacts?: OpenReportArtifacts;
};

export type ReportJobOutcome = "completed" | "failed" | "released" | "lease_lost";

export async function runReportJob(
  db: Database,
  lease: ReportLease,
  options: ReportJobOptions,
): Promise<ReportJobOutcome> {
  const leaseSeconds = options.leaseSeconds ?? defaultLeaseSeconds;
  const shouldStop = options.shouldStop ?? (() => false);
  const maxSeconds = options.maxSeconds ?? getEnv().REPORT_MAX_SECONDS;
  // Checked at every checkpoint (each page of rows), so one runaway report
  // cannot hold a worker for ever.
  const deadline = Date.now() + maxSeconds * 1000;
  const log = logger.child({ reportId: lease.reportId, attempt: lease.attempt, workerId: lease.workerId });
  let leaseLost = false;
  let artifactOutput: ReportArtifacts | null = null;

  // Renewal also runs on a timer, so a long aggregate query between progress
  // calls does not let the lease lapse while this worker is alive.
  const renewal = setInterval(
    () => {
      renewReportLease(db, lease, { leaseSeconds }).catch((error: unknown) => {
        if (error instanceof LeaseLostError) leaseLost = true;
        else log.warn({ err: error }, "lease renewal failed");
      });
    },
    Math.max(1000, (leaseSeconds * 1000) / 3),
  );
  renewal.unref?.();

  const progress = createProgressWriter((percent) => renewReportLease(db, lease, { leaseSeconds, progress: percent }), {
    intervalMs: options.progressIntervalMs ?? 1000,
  });

  const checkpoint = () => {
    if (leaseLost) throw new LeaseLostError(lease.reportId);
    progress.check();
    if (shouldStop()) throw new ReportJobStoppedError();
    if (Date.now() > deadline) throw new ReportTimedOutError(maxSeconds);
  };

  try {
    const report = await db.report.findFirst({
      where: leaseWhere(lease),
      select: {
        id: true,
        orgId: true,
        type: true,
        title: true,
        scope: true,
        createdAt: true,
        createdByType: true,
        createdById: true,
        createdByLabel: true,
        org: { select: { id: true, name: true } },
      },
    });
    if (!report) throw new LeaseLostError(lease.reportId);
    const type = report.type as ReportType;
    const definition = options.definitions[type];
    if (!definition) throw new Error(`No report definition for type "${report.type}"`);
    const scope = parseStoredReportScope(type, report.scope);

    const artifacts = await beginAttempt(db, lease, leaseSeconds);
    const open = options.openArtifacts ?? openArtifactsInThisThread(db);
    artifactOutput = open({
      lease,
      jsonArtifactId: artifacts.json,
      csvArtifactId: artifacts.csv,
      csvColumns: definition.csvColumns,
      chunkBytes: options.chunkBytes ?? defaultChunkBytes,
      leaseSeconds,
    });

    const output = new ReportDocumentWriter({
      artifacts: artifactOutput,
      csvColumns: definition.csvColumns,
      checkpoint,
      onProgress: async (percent) => {
        checkpoint();
        progress.record(percent);
      },
    });

    const generatedAt = new Date().toISOString();
    await output.begin({
      id: report.id,
      type,
      title: report.title,
      org: { id: report.org.id, name: report.org.name },
      scope: { ...(scope.dateRange ? { dateRange: scope.dateRange } : {}), agentIds: scope.agentIds },
      generatedAt,
      generatedBy: { type: report.createdByType, id: report.createdById, label: report.createdByLabel },
      requestedAt: report.createdAt.toISOString(),
      timezone: "UTC",
      schemaVersion,
    });
    await definition.build(
      { db, report: { id: report.id, orgId: report.orgId, type, title: report.title, scope }, checkpoint },
      output,
    );
    // The last progress write lands before completion can set 100 %.
    await progress.settle();
    checkpoint();
    const totals = await output.finish();
    await completeReport(db, lease, {
      generatedAt,
      schemaVersion,
      artifacts: [
        { artifactId: artifacts.json, format: "json", ...totals.json },
        { artifactId: artifacts.csv, format: "csv", ...totals.csv },
      ],
      preview: output.preview(),
    });
    log.info({ json: totals.json.byteSize, csv: totals.csv.byteSize }, "report completed");
    return "completed";
  } catch (error) {
    // Artifact storage stops before the report is failed or handed back, so
    // it cannot still be storing chunks of this attempt afterwards; nor can a
    // progress write still land.
    await artifactOutput?.abort();
    await progress.settle().catch(() => undefined);
    if (isDatabaseUnreachable(error)) {
      return await handBackWhenReachable(db, lease, error, log, { shouldStop, leaseSeconds });
    }
    return await settleFailure(db, lease, error, log);
  } finally {
    clearInterval(renewal);
  }
}

function openArtifactsInThisThread(db: Database): OpenReportArtifacts {
  return (spec) => {
    const writer = (artifactId: string) => new ArtifactWriter(rawSqlOf(db), spec.lease, artifactId, spec);
    return createReportArtifacts(
      { json: writer(spec.jsonArtifactId), csv: writer(spec.csvArtifactId) },
      spec.csvColumns,
    );
  };
}

async function settleFailure(
  db: Database,
  lease: ReportLease,
  error: unknown,
  log: typeof logger,
): Promise<ReportJobOutcome> {
  if (error instanceof LeaseLostError) {
    log.warn("lost the report lease; leaving the report to its new holder");
    return "lease_lost";
  }
  if (error instanceof ReportJobStoppedError) {
    const released = await releaseReportLease(db, lease);
    log.info({ released }, "worker stopping; report handed back");
    return released ? "released" : "lease_lost";
  }
  const failure = classifyReportError(error);
  // The detail is for operators: readers of the report see only the public reason.
  log.error({ err: error, reason: failure.code }, "report generation failed");
  try {
    await failReport(db, lease, failure);
    return "failed";
  } catch (failError) {
    if (failError instanceof LeaseLostError) return "lease_lost";
    throw failError;
  }
}

/**
 * The database went away mid-generation: not the report's fault, so it is not
 * failed. It is handed back as soon as the database answers again (any worker
 * then takes it up at once, rather than after the lease). While the database
 * stays away, up to twice the lease; after that the lease has expired anyway.
 */
async function handBackWhenReachable(
  db: Database,
  lease: ReportLease,
  error: unknown,
  log: typeof logger,
  { shouldStop, leaseSeconds }: { shouldStop: () => boolean; leaseSeconds: number },
): Promise<ReportJobOutcome> {
  log.warn({ err: error }, "database unreachable during generation; handing the report back once it answers");
  const giveUpAt = Date.now() + 2 * leaseSeconds * 1000;
  for (let waitMs = 500; ; waitMs = Math.min(waitMs * 2, 5000)) {
    try {
      return (await releaseReportLease(db, lease, { countAttempt: true })) ? "released" : "lease_lost";
    } catch (releaseError) {
      if (!isDatabaseUnreachable(releaseError)) throw releaseError;
    }
    if (shouldStop() || Date.now() + waitMs > giveUpAt) return "lease_lost";
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

/** Creates this attempt's two artifacts, replacing leftovers of a released run with the same number. */
async function beginAttempt(
  db: Database,
  lease: ReportLease,
  leaseSeconds: number,
): Promise<{ json: string; csv: string }> {
  return db.$transaction(async (tx) => {
    await renewReportLease(tx, lease, { leaseSeconds });
    await deleteArtifacts(tx, lease.reportId, { attempt: lease.attempt });
    const create = (format: "json" | "csv", contentType: string) =>
      tx.reportArtifact.create({
        data: { id: randomUUID(), reportId: lease.reportId, attempt: lease.attempt, format, contentType },
        select: { id: true },
      });
    const json = await create("json", "application/json; charset=utf-8");
    const csv = await create("csv", "text/csv; charset=utf-8; header=present");
    return { json: json.id, csv: csv.id };
  });
}
