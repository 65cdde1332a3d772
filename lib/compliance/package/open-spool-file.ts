// A temporary file that bytes are appended to and later read back by range:
// the evidence package renders its tables' CSV while report.json streams out,
// and the tables come after report.json in the ZIP. In memory they would cost
// their whole size. The file is unlinked as soon as it is open, so it is
// reachable only through this descriptor and its space is freed when the
// descriptor closes (close(), or the thread or process ending).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type SpoolFile = {
  /** Bytes appended so far: where the next append starts. */
  readonly size: number;
  append(bytes: Uint8Array): void;
  /** The bytes of [start, start + length) in order, each piece a buffer of its own of at most `pieceBytes`. */
  read(start: number, length: number, pieceBytes: number): Generator<Buffer>;
  close(): void;
};

export function openSpoolFile(directory: string = os.tmpdir()): SpoolFile {
  const file = path.join(directory, `attest-spool-${randomUUID()}`);
  // Readable by this user only for the moment it has a name: it holds report data.
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.unlinkSync(file);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  let size = 0;
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error("spool file is closed");
  };
  return {
    get size() {
      return size;
    },
    append(bytes) {
      assertOpen();
      let written = 0;
      while (written < bytes.byteLength) {
        written += fs.writeSync(fd, bytes, written, bytes.byteLength - written, size + written);
      }
      size += written;
    },
    *read(start, length, pieceBytes) {
      assertOpen();
      if (start < 0 || length < 0 || start + length > size) throw new Error("spool read outside what was written");
      const end = start + length;
      for (let position = start; position < end;) {
        // Memory of its own (not node's shared pool), so the reader may move it to another thread.
        const piece = Buffer.allocUnsafeSlow(Math.min(pieceBytes, end - position));
        for (let filled = 0; filled < piece.length;) {
          const count = fs.readSync(fd, piece, filled, piece.length - filled, position + filled);
          if (count === 0) throw new Error("spool file ended early");
          filled += count;
        }
        position += piece.length;
        yield piece;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      fs.closeSync(fd);
    },
  };
}
