// PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
// "Binary Format"): an 11-byte signature, an int32 of flags and an int32
// header-extension length, then per tuple an int16 field count and per field an
// int32 length (-1 is NULL) followed by that many bytes; an int16 -1 ends the data.

export const copyBinarySignature = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** The signature, no flags, no header extension. */
export const copyBinaryHeader = Buffer.concat([copyBinarySignature, Buffer.alloc(8)]);

export const copyBinaryTrailer = Buffer.from([0xff, 0xff]);

/**
 * One tuple of non-null fields, already in their binary send form (int4 as 4
 * big-endian bytes, text as UTF-8, bytea as is), in one buffer: the fields are
 * copied once, and the stream sends it as one CopyData message.
 */
export function encodeCopyBinaryRow(fields: readonly Uint8Array[]): Buffer {
  const size = fields.reduce((sum, field) => sum + 4 + field.byteLength, 2);
  const row = Buffer.allocUnsafe(size);
  let offset = row.writeInt16BE(fields.length, 0);
  for (const field of fields) {
    offset = row.writeInt32BE(field.byteLength, offset);
    row.set(field, offset);
    offset += field.byteLength;
  }
  return row;
}
