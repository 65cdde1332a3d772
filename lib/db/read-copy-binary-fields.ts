// Reads the field bytes out of a PostgreSQL `COPY … TO STDOUT (FORMAT binary)`
// stream. Downloads use it for bytea: in a normal result set bytea travels as
// hex text, several times slower than COPY binary, which sends the bytes as they
// are (docs/benchmarks.md, bytea through COPY binary). The format is described
// in copy-binary-format.ts.
import { copyBinarySignature as signature } from "@/lib/db/copy-binary-format";

export type CopyBinaryPiece = { bytes: Uint8Array; tupleIndex: number };

/**
 * Yields every non-null field's bytes in order, in pieces as they arrive (a
 * field may span several pieces; nothing is buffered whole). Throws on a
 * malformed or truncated stream, so a cut connection is never a short file.
 */
export async function* readCopyBinaryFields(source: AsyncIterable<Uint8Array>): AsyncGenerator<CopyBinaryPiece> {
  let pending: Buffer = Buffer.alloc(0);
  let state: "header" | "tuple" | "fieldLength" | "field" | "done" = "header";
  let trailerSeen = false;
  let fieldsLeft = 0;
  let fieldBytesLeft = 0;
  let tupleIndex = -1;

  for await (const part of source) {
    const chunk = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    pending = pending.byteLength === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    for (;;) {
      const available = pending.byteLength - offset;
      if (state === "field") {
        if (available === 0) break;
        const take = Math.min(available, fieldBytesLeft);
        yield { bytes: pending.subarray(offset, offset + take), tupleIndex };
        offset += take;
        fieldBytesLeft -= take;
        if (fieldBytesLeft === 0) state = fieldsLeft > 0 ? "fieldLength" : "tuple";
      } else if (state === "header") {
        if (available < signature.byteLength + 8) break;
        if (!pending.subarray(offset, offset + signature.byteLength).equals(signature)) {
          throw new Error("COPY binary stream: bad signature");
        }
        const extension = pending.readUInt32BE(offset + signature.byteLength + 4);
        if (available < signature.byteLength + 8 + extension) break;
        offset += signature.byteLength + 8 + extension;
        state = "tuple";
      } else if (state === "tuple") {
        if (available < 2) break;
        const count = pending.readInt16BE(offset);
        offset += 2;
        if (count === -1) {
          state = "done";
          trailerSeen = true;
        } else {
          tupleIndex++;
          fieldsLeft = count;
          state = count > 0 ? "fieldLength" : "tuple";
        }
      } else if (state === "fieldLength") {
        if (available < 4) break;
        const length = pending.readInt32BE(offset);
        offset += 4;
        fieldsLeft--;
        if (length > 0) {
          fieldBytesLeft = length;
          state = "field";
        } else {
          state = fieldsLeft > 0 ? "fieldLength" : "tuple";
        }
      } else {
        break;
      }
    }
    // Keep only the unread tail; yielded pieces are views of the old buffer, which stays valid.
    pending = pending.subarray(offset);
  }
  if (!trailerSeen) throw new Error("COPY binary stream ended before its trailer");
}
