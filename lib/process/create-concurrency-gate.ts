// At most `limit` holders at once. Others wait in line, first come first
// served, for at most `maxWaitMs`, and at most `maxWaiting` of them: past
// either bound acquire() answers null, so the caller can say "busy, come back"
// instead of queuing without bound.
export type ReleaseSlot = () => void;

export type ConcurrencyGate = {
  /** A slot's release (call it once the work has ended; extra calls do nothing), or null when busy. */
  acquire(): Promise<ReleaseSlot | null>;
  readonly active: number;
  readonly waiting: number;
};

export type ConcurrencyGateOptions = { limit: number; maxWaiting: number; maxWaitMs: number };

/** The options are read at each acquire, so a changed setting applies to the next caller. */
export function createConcurrencyGate(optionsOf: () => ConcurrencyGateOptions): ConcurrencyGate {
  let active = 0;
  const line: ((release: ReleaseSlot) => void)[] = [];

  const slot = (): ReleaseSlot => {
    active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= 1;
      // The slot passes straight to the first in line, so no newcomer overtakes it.
      const next = line.shift();
      if (next) next(slot());
    };
  };

  return {
    acquire() {
      const { limit, maxWaiting, maxWaitMs } = optionsOf();
      if (active < limit && line.length === 0) return Promise.resolve(slot());
      if (line.length >= maxWaiting) return Promise.resolve(null);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          const at = line.indexOf(take);
          if (at >= 0) line.splice(at, 1);
          resolve(null);
        }, maxWaitMs);
        const take = (release: ReleaseSlot) => {
          clearTimeout(timer);
          resolve(release);
        };
        line.push(take);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
  };
}
