/** A fenced write found no report held by this worker and attempt: another worker or a delete took it over. */
export class LeaseLostError extends Error {
  constructor(reportId: string) {
    super(`Lost the lease on report ${reportId}`);
    this.name = "LeaseLostError";
  }
}
