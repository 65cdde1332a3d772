// A report's progress is written with its lease's renewal, at most one write in
// flight, and the build does not wait for it: on SQLite the write queues on the
// report's query thread behind its own aggregates, and the build sat idle until
// that aggregate ended. A failed write (the lease lost, the database gone) is
// thrown by the build's next checkpoint instead, and by `settle`.

export type ProgressWriter = {
  /** Starts writing `percent` unless a write is in flight, it is unchanged, or the last began under the interval ago. */
  record(percent: number): void;
  /** Throws the failure of a write that has ended since. */
  check(): void;
  /** Waits for the write in flight, then throws any failure (before the report is completed). */
  settle(): Promise<void>;
};

export function createProgressWriter(
  write: (percent: number) => Promise<void>,
  { intervalMs, now = Date.now }: { intervalMs: number; now?: () => number },
): ProgressWriter {
  let lastPercent = -1;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const check = () => {
    if (failure) throw failure.error;
  };
  return {
    record(percent) {
      check();
      const at = now();
      if (inFlight || percent === lastPercent || at - lastStartedAt < intervalMs) return;
      lastPercent = percent;
      lastStartedAt = at;
      inFlight = write(percent).then(
        () => {
          inFlight = null;
        },
        (error: unknown) => {
          inFlight = null;
          failure ??= { error };
        },
      );
    },
    check,
    async settle() {
      await inFlight;
      check();
    },
  };
}
