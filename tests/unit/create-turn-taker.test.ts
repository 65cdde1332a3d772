// The turn taker lets other work run once a stream has handed on its bytes'
// worth, and not before.
import { describe, expect, it } from "vitest";
import { createTurnTaker } from "@/lib/process/create-turn-taker";

describe("createTurnTaker", () => {
  it("takes a turn of the event loop each time the bytes handed on reach the limit", async () => {
    const turns = createTurnTaker(100);
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));

    await turns.handedOn(60);
    expect(otherWorkRan).toBe(false);
    await turns.handedOn(40);
    expect(otherWorkRan).toBe(true);

    // The count starts again after a turn.
    otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    await turns.handedOn(99);
    expect(otherWorkRan).toBe(false);
    await turns.handedOn(250);
    expect(otherWorkRan).toBe(true);
  });
});
