// Why a report job stops without finishing: it lost its lease (LeaseLostError,
// in lib/compliance/lease/, since chunk stores throw it too), or its worker was
// asked to stop.

/** The worker is stopping (shutdown); the report goes back to pending. */
export class ReportJobStoppedError extends Error {
  constructor() {
    super("The report worker is stopping");
    this.name = "ReportJobStoppedError";
  }
}
