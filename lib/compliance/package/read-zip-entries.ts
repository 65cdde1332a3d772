// A ZIP file's entries, in order, each readable as often as needed (the
// verifier hashes report.json, then re-renders the tables from it). yauzl
// checks the central directory and each entry's CRC-32 as it is read.
import { promisify } from "node:util";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export type ZipEntries = {
  names: string[];
  read(name: string): AsyncIterable<Buffer>;
  readAll(name: string): Promise<Buffer>;
  close(): void;
};

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

export async function readZipEntries(path: string): Promise<ZipEntries> {
  const zip = await openZip(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  const entries = new Map<string, yauzl.Entry>();
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entries.has(entry.fileName)) {
        reject(new Error(`The package holds ${entry.fileName} twice`));
        return;
      }
      entries.set(entry.fileName, entry);
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.once("end", () => resolve());
    zip.once("error", reject);
    zip.readEntry();
  });
  const open = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`The package has no ${name}`);
    return promisify<yauzl.Entry, Readable>(zip.openReadStream.bind(zip))(entry);
  };
  return {
    names,
    async *read(name) {
      for await (const chunk of await open(name)) yield chunk as Buffer;
    },
    async readAll(name) {
      const parts: Buffer[] = [];
      for await (const chunk of await open(name)) parts.push(chunk as Buffer);
      return Buffer.concat(parts);
    },
    close() {
      zip.close();
    },
  };
}
