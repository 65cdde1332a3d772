// The evidence package's ZIP container: stored (uncompressed) entries framed
// exactly as yazl 3 frames them with the package's options (a unit test holds
// the two to the same bytes), with the CRC-32 from node's zlib. yazl computes
// it in a JavaScript loop that cannot be replaced and that alone capped the
// package's rate (docs/benchmarks.md, evidence package). Pure: the framer
// returns the bytes to write around each entry's data and keeps the offsets.
import { crc32 } from "node:zlib";

export type ZipFramerOptions = {
  /** Every entry's timestamp, written as a DOS date and time of its UTC fields. */
  modifiedAt: Date;
  /** Unix mode of every entry (regular file and permissions). */
  mode: number;
};

export type ZipFramer = {
  /** Local header of an entry whose data streams (its CRC and sizes follow in a data descriptor). */
  beginEntry(path: string): Buffer;
  /** Counts one piece of the current entry's data into its CRC and size (the caller writes the piece). */
  addData(bytes: Uint8Array): void;
  /** The current entry's data descriptor. */
  endEntry(): Buffer;
  /** An entry whose bytes are known up front: its header (with CRC and sizes) followed by the bytes. */
  wholeEntry(path: string, bytes: Buffer): Buffer;
  /** The central directory and the end records; the archive is complete after them. */
  finish(): Buffer;
};

type Entry = {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  /** Streamed (general purpose bit 3, data descriptor) rather than known up front. */
  isStreamed: boolean;
};

const utf8Names = 1 << 11;
const sizesFollow = 1 << 3;
const madeByUnix63 = (3 << 8) | 63;
const needsUtf8 = 20;
const needsZip64 = 45;
const maxPlain = 0xfffffffe;

function writeUInt64LE(buffer: Buffer, value: number, offset: number): void {
  buffer.writeUInt32LE(value % 0x100000000, offset);
  buffer.writeUInt32LE(Math.floor(value / 0x100000000), offset + 4);
}

/** DOS date and time of the instant's UTC fields, clamped to what the format holds (1980–2107). */
function toDosDateTime(instant: Date): { date: number; time: number } {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const at = new Date(Math.min(max, Math.max(min, instant.getTime())));
  return {
    date:
      (at.getUTCDate() & 0x1f) | (((at.getUTCMonth() + 1) & 0xf) << 5) | (((at.getUTCFullYear() - 1980) & 0x7f) << 9),
    time: Math.floor(at.getUTCSeconds() / 2) | ((at.getUTCMinutes() & 0x3f) << 5) | ((at.getUTCHours() & 0x1f) << 11),
  };
}

export function createZipFramer({ modifiedAt, mode }: ZipFramerOptions): ZipFramer {
  const { date, time } = toDosDateTime(modifiedAt);
  const attributes = (mode << 16) >>> 0;
  const entries: Entry[] = [];
  let cursor = 0;
  let current: Entry | null = null;

  const usesZip64 = (entry: Entry) => entry.size > maxPlain || entry.offset > maxPlain;

  const localHeader = (entry: Entry) => {
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(needsUtf8, 4);
    header.writeUInt16LE(entry.isStreamed ? utf8Names | sizesFollow : utf8Names, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    if (!entry.isStreamed) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.size, 18);
      header.writeUInt32LE(entry.size, 22);
    }
    header.writeUInt16LE(entry.name.length, 26);
    entry.name.copy(header, 30);
    cursor += header.length;
    return header;
  };

  const centralRecord = (entry: Entry) => {
    const zip64 = usesZip64(entry);
    const record = Buffer.alloc(46 + entry.name.length + (zip64 ? 28 : 0));
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(madeByUnix63, 4);
    record.writeUInt16LE(zip64 ? needsZip64 : needsUtf8, 6);
    record.writeUInt16LE(entry.isStreamed ? utf8Names | sizesFollow : utf8Names, 8);
    record.writeUInt16LE(0, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.size, 20);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt16LE(zip64 ? 28 : 0, 30);
    record.writeUInt32LE(attributes, 38);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
    entry.name.copy(record, 46);
    if (zip64) {
      const extra = 46 + entry.name.length;
      record.writeUInt16LE(0x0001, extra);
      record.writeUInt16LE(24, extra + 2);
      writeUInt64LE(record, entry.size, extra + 4);
      writeUInt64LE(record, entry.size, extra + 12);
      writeUInt64LE(record, entry.offset, extra + 20);
    }
    return record;
  };

  const newEntry = (path: string, isStreamed: boolean, bytes?: Buffer): Entry => {
    if (current) throw new Error(`ZIP entry ${path} started before the last one ended`);
    const entry = {
      name: Buffer.from(path, "utf8"),
      offset: cursor,
      crc: bytes ? crc32(bytes) : 0,
      size: bytes?.length ?? 0,
      isStreamed,
    };
    entries.push(entry);
    return entry;
  };

  return {
    beginEntry(path) {
      current = newEntry(path, true);
      return localHeader(current);
    },
    addData(bytes) {
      if (!current) throw new Error("ZIP data outside an entry");
      current.crc = crc32(bytes, current.crc);
      current.size += bytes.byteLength;
      cursor += bytes.byteLength;
    },
    endEntry() {
      const entry = current;
      if (!entry) throw new Error("No ZIP entry to end");
      current = null;
      const zip64 = usesZip64(entry);
      const descriptor = Buffer.alloc(zip64 ? 24 : 16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc, 4);
      if (zip64) {
        writeUInt64LE(descriptor, entry.size, 8);
        writeUInt64LE(descriptor, entry.size, 16);
      } else {
        descriptor.writeUInt32LE(entry.size, 8);
        descriptor.writeUInt32LE(entry.size, 12);
      }
      cursor += descriptor.length;
      return descriptor;
    },
    wholeEntry(path, bytes) {
      const entry = newEntry(path, false, bytes);
      const header = localHeader(entry);
      cursor += bytes.length;
      return Buffer.concat([header, bytes]);
    },
    finish() {
      if (current) throw new Error("The last ZIP entry did not end");
      const directoryOffset = cursor;
      const records = entries.map(centralRecord);
      const directorySize = records.reduce((sum, record) => sum + record.length, 0);
      const end = Buffer.alloc(22);
      const zip64 = entries.length >= 0xffff || directorySize >= 0xffffffff || directoryOffset >= 0xffffffff;
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
      end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
      end.writeUInt32LE(Math.min(directorySize, 0xffffffff), 12);
      end.writeUInt32LE(Math.min(directoryOffset, 0xffffffff), 16);
      if (!zip64) return Buffer.concat([...records, end]);
      const zip64End = Buffer.alloc(56);
      zip64End.writeUInt32LE(0x06064b50, 0);
      writeUInt64LE(zip64End, 44, 4);
      zip64End.writeUInt16LE(madeByUnix63, 12);
      zip64End.writeUInt16LE(needsZip64, 14);
      writeUInt64LE(zip64End, entries.length, 24);
      writeUInt64LE(zip64End, entries.length, 32);
      writeUInt64LE(zip64End, directorySize, 40);
      writeUInt64LE(zip64End, directoryOffset, 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      writeUInt64LE(locator, directoryOffset + directorySize, 8);
      locator.writeUInt32LE(1, 16);
      return Buffer.concat([...records, zip64End, locator, end]);
    },
  };
}
