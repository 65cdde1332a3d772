// The table of chain lines this process verified: a line is known only at its
// own sequence number, in its own org, until another entry takes its slot.
import { describe, expect, it } from "vitest";
import { createVerifiedChainLines, verifiedChainLinesBytes } from "@/lib/audit/verified-chain-lines";

const line = (seq: number, text = "user.updated") => `${text}\tuser-1\tuser\t${seq}`;

describe("createVerifiedChainLines", () => {
  it("knows a line it was given at its sequence number, and nothing else", () => {
    const verified = createVerifiedChainLines(new SharedArrayBuffer(verifiedChainLinesBytes(1)), "org_a");
    const key = verified.keyOf(line(7));
    expect(verified.has(7, key)).toBe(false);
    verified.add(7, key);
    expect(verified.has(7, key)).toBe(true);
    expect(verified.has(8, key)).toBe(false);
    expect(verified.has(7, verified.keyOf(line(7, "user.deleted")))).toBe(false);
  });

  it("keeps orgs apart on one table, and sees what another thread's view of it added", () => {
    const table = new SharedArrayBuffer(verifiedChainLinesBytes(1));
    const orgA = createVerifiedChainLines(table, "org_a");
    orgA.add(7, orgA.keyOf(line(7)));
    const orgB = createVerifiedChainLines(table, "org_b");
    expect(orgB.has(7, orgB.keyOf(line(7)))).toBe(false);
    expect(createVerifiedChainLines(table, "org_a").has(7, orgA.keyOf(line(7)))).toBe(true);
  });

  it("forgets an entry whose slot a later one took, and holds nothing without memory", () => {
    const oneSlot = createVerifiedChainLines(new SharedArrayBuffer(16), "org_a");
    oneSlot.add(1, oneSlot.keyOf(line(1)));
    oneSlot.add(2, oneSlot.keyOf(line(2)));
    expect(oneSlot.has(1, oneSlot.keyOf(line(1)))).toBe(false);
    expect(oneSlot.has(2, oneSlot.keyOf(line(2)))).toBe(true);
    const none = createVerifiedChainLines(new SharedArrayBuffer(verifiedChainLinesBytes(0)), "org_a");
    none.add(1, none.keyOf(line(1)));
    expect(none.has(1, none.keyOf(line(1)))).toBe(false);
  });
});
