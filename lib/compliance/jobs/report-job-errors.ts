// Why a report job stops without finishing: it lost its lease (another worker
// or a delete took the report over), or its worker was asked to stop.

/** The fenced write found no report held by this worker and attempt. */
export class LeaseLostError extends Error {
  constructor(reportId: string) {
    super(`Lost the lease on report ${reportId}`);
    this.name = "LeaseLostError";
  }
}

/** The worker is stopping (shutdown); the report goes back to pending. */
export class ReportJobStoppedError extends Error {
  constructor() {
    super("The report worker is stopping");
    this.name = "ReportJobStoppedError";
  }
}
