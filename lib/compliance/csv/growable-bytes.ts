// Bytes appended in place and handed over whole: what the CSV row transcoder
// writes into, so a table's lines never exist as JavaScript strings.

export class GrowableBytes {
  bytes: Buffer;
  length = 0;

  constructor(capacity = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `count` more bytes at `length`. */
  reserve(count: number): void {
    const needed = this.length + count;
    if (needed <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  writeUtf8(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, "utf8");
  }

  writeBytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Starts empty again in the same buffer (what was written must no longer be needed). */
  clear(): void {
    this.length = 0;
  }

  /** What was written, as a buffer of its own; this starts empty again with a fresh buffer of the same size. */
  take(): Buffer {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.length = 0;
    return taken;
  }
}
