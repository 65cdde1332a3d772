// The evidence package as a ZIP stream: the files of writePackageFiles, then
// SHA256SUMS and its signature. Deterministic bytes: fixed entry order, every
// entry stored (not deflated, so the bytes do not depend on the zlib build),
// one fixed mode, and the statement's signing time as every entry's DOS
// timestamp, without the extended-timestamp field; and Ed25519 signatures are
// deterministic, so SHA256SUMS.jws is the same bytes for the same key.
// Streamed with backpressure: yazl takes one entry at a time, and the JSON is
// read from storage only as fast as the client reads the ZIP.
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import { packageSignatureFile, sumsFile } from "@/lib/compliance/package/package-layout";
import {
  writePackageFiles,
  type PackageFilesInput,
  type PackageSink,
} from "@/lib/compliance/package/write-package-files";

export type EvidencePackageInput = PackageFilesInput & {
  /** Every entry's timestamp: the statement's signing time. */
  modifiedAt: Date;
  /** The compact JWS over SHA256SUMS. */
  signSums(sums: string): Promise<string>;
};

/** Bytes an entry's stream buffers before the writer waits for the ZIP to take them. */
const entryHighWaterMark = 256 * 1024;

export function createEvidencePackage(input: EvidencePackageInput): Readable {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as PassThrough;
  const abort = new AbortController();
  output.once("close", () => abort.abort());
  const entryOptions = {
    mtime: toDosLocalTime(input.modifiedAt),
    mode: 0o100644,
    compress: false,
    forceDosTimestamp: true,
  };

  const sink: PackageSink = {
    open(path) {
      const entry = new PassThrough({ highWaterMark: entryHighWaterMark });
      zip.addReadStream(entry, path, entryOptions);
      return {
        async write(bytes) {
          if (!entry.write(bytes)) await once(entry, "drain", { signal: abort.signal });
        },
        close() {
          entry.end();
        },
      };
    },
  };

  void (async () => {
    const { sums } = await writePackageFiles(input, sink);
    zip.addBuffer(Buffer.from(sums, "utf8"), sumsFile, entryOptions);
    zip.addBuffer(Buffer.from(await input.signSums(sums), "utf8"), packageSignatureFile, entryOptions);
    zip.end();
  })().catch((error: unknown) => {
    // A client that went away is not an error; anything else breaks the download off.
    if (!abort.signal.aborted) output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}

/**
 * yazl writes a Date's local-time fields into the DOS timestamp: a Date whose
 * local fields are the instant's UTC fields makes the stamp read in UTC on
 * every server. A UTC time that falls in the server's daylight-saving gap has
 * no such local time; noon of that UTC day stands in for it.
 */
function toDosLocalTime(instant: Date): Date {
  const at = (hours: number, minutes: number, seconds: number) =>
    new Date(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate(), hours, minutes, seconds);
  const local = at(instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds());
  return local.getHours() === instant.getUTCHours() ? local : at(12, 0, 0);
}
