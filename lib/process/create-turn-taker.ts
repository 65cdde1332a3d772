// Lets a stream that hands on bytes faster than they are asked for (a source
// that answers at once, a client that keeps up) give the event loop a turn
// every so many bytes, so other requests on the same thread are not held up.
import { setImmediate as nextTurn } from "node:timers/promises";

export type TurnTaker = {
  /** Counts bytes handed on; resolves after a turn of the event loop once `bytesPerTurn` have passed since the last. */
  handedOn(bytes: number): Promise<void>;
};

export function createTurnTaker(bytesPerTurn: number): TurnTaker {
  let sinceTurn = 0;
  return {
    async handedOn(bytes) {
      sinceTurn += bytes;
      if (sinceTurn < bytesPerTurn) return;
      sinceTurn = 0;
      await nextTurn();
    },
  };
}
