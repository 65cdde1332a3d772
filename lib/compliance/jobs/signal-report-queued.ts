// Lets request handlers wake idle report workers right after queuing a report,
// instead of waiting for the next poll. start-report-workers.ts registers the
// waker; where no workers run in this process (tests, scripts) it is a no-op.
const globalForWaker = globalThis as unknown as { attestReportWaker?: () => void };

export function signalReportQueued(): void {
  globalForWaker.attestReportWaker?.();
}

export function registerReportWaker(waker: (() => void) | undefined): void {
  globalForWaker.attestReportWaker = waker;
}
