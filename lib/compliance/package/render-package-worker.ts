// A download's package thread: reads the stored JSON artifact on a connection
// of its own, renders the whole ZIP (renderEvidencePackage: scanning, the
// per-table CSVs, SHA-256, CRC-32) and sends it to the main thread in pieces,
// waiting while the client is slow. The main thread terminates it once it has
// the last word (done or failed), or as soon as the client goes away.
import { parentPort, workerData } from "node:worker_threads";
import { readRawArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";
import {
  packageBatchBytes,
  packageBatchesAhead,
  packagePieceBytes,
  type PackageThreadData,
  type PackageThreadMessage,
  type PackageThreadReply,
} from "@/lib/compliance/package/package-thread-protocol";
import { renderEvidencePackage } from "@/lib/compliance/package/render-evidence-package";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import { createRawSql } from "@/lib/db/raw-sql";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";

const port = parentPort;
if (!port) throw new Error("render-package-worker must run as a worker thread");
// Like report generation: the API's requests get the CPU first (REPORT_WORKER_NICE).
lowerThreadPriority();
const { databaseUrl, artifact, jsonSha256, statementJws, modifiedAt, maxDataRows } = workerData as PackageThreadData;
const raw = createRawSql(databaseUrl, { poolSize: 1 });
const send = (message: PackageThreadMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

let batchesAhead = 0;
let taken: (() => void) | null = null;
let signed: { resolve: (jws: string) => void; reject: (error: Error) => void } | null = null;
port.on("message", (reply: PackageThreadReply) => {
  if (reply.type === "taken") {
    batchesAhead -= 1;
    taken?.();
    taken = null;
  } else if (reply.type === "signed") signed?.resolve(reply.jws);
  else signed?.reject(new Error(reply.message));
});

// What goes to the main thread, in batches: bytes handed over (a stored chunk,
// a piece of a table's CSV) move with their memory, uncopied; anything else
// (headers, the small files) is first copied into a piece of memory of its own.
let piece = Buffer.allocUnsafeSlow(packagePieceBytes);
let filled = 0;
let batch: Uint8Array[] = [];
let batchBytes = 0;
const sendBatch = async () => {
  while (batchesAhead >= packageBatchesAhead) await new Promise<void>((resolve) => (taken = resolve));
  batchesAhead += 1;
  send(
    { type: "bytes", pieces: batch },
    batch.map((bytes) => bytes.buffer as ArrayBuffer),
  );
  batch = [];
  batchBytes = 0;
};
const add = async (bytes: Uint8Array) => {
  batch.push(bytes);
  batchBytes += bytes.byteLength;
  if (batchBytes >= packageBatchBytes) await sendBatch();
};
const endPiece = async () => {
  if (filled === 0) return;
  const full = new Uint8Array(piece.buffer, 0, filled);
  piece = Buffer.allocUnsafeSlow(packagePieceBytes);
  filled = 0;
  await add(full);
};
const write = async (bytes: Buffer, isHandedOver?: boolean) => {
  // Larger than node's buffer pool, at the start of its memory: never a slice of memory shared with others.
  if (isHandedOver && bytes.byteLength > Buffer.poolSize && bytes.byteOffset === 0) {
    await endPiece();
    await add(bytes);
    return;
  }
  let at = 0;
  while (at < bytes.length) {
    const count = Math.min(bytes.length - at, packagePieceBytes - filled);
    piece.set(bytes.subarray(at, at + count), filled);
    filled += count;
    at += count;
    if (filled === packagePieceBytes) await endPiece();
  }
};

async function run(): Promise<PackageThreadMessage> {
  try {
    await renderEvidencePackage(
      {
        readJson: () => readRawArtifactBytes(raw, artifact),
        // A paged read returns each chunk in memory of its own (better-sqlite3's BLOBs); COPY's pieces are views of the connection's buffers.
        isJsonHandedOver: getReportEngineProfile(raw.provider).bulkReads === "pages",
        jsonSha256,
        statementJws,
        modifiedAt,
        ...(maxDataRows === undefined ? {} : { maxDataRows }),
        signSums: (sums) =>
          new Promise<string>((resolve, reject) => {
            signed = { resolve, reject };
            send({ type: "sign", sums });
          }),
      },
      write,
    );
    await endPiece();
    if (batch.length > 0) await sendBatch();
    return { type: "done" };
  } catch (error) {
    return {
      type: "failed",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
}

// The connection is closed before the last word: the main thread then ends the thread.
void run().then(async (outcome) => {
  await raw.close().catch(() => undefined);
  send(outcome);
});
