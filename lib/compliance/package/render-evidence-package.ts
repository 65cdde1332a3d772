// The evidence package as ZIP bytes, in order: the files of writePackageFiles,
// then SHA256SUMS and its signature, then the central directory. Deterministic
// bytes: fixed entry order, every entry stored (not deflated, so the bytes do
// not depend on the zlib build), one fixed mode, the statement's signing time
// as every entry's DOS timestamp; and Ed25519 signatures are deterministic, so
// SHA256SUMS.jws is the same bytes for the same key. Every byte goes to
// `write`, which resolves when it can take more: the JSON is read from storage
// only as fast as the reader of the package takes it.
import { createZipFramer } from "@/lib/compliance/package/create-zip-framer";
import { packageSignatureFile, sumsFile } from "@/lib/compliance/package/package-layout";
import { writePackageFiles, type PackageFilesInput } from "@/lib/compliance/package/write-package-files";

export type EvidencePackageInput = PackageFilesInput & {
  /** Every entry's timestamp: the statement's signing time. */
  modifiedAt: Date;
  /** The compact JWS over SHA256SUMS. */
  signSums(sums: string): Promise<string>;
};

/** Takes the package's next bytes; `isHandedOver` as for PackageFileWriter.write. */
export type PackageBytesWriter = (bytes: Buffer, isHandedOver?: boolean) => Promise<void> | void;

const entryMode = 0o100644;

export async function renderEvidencePackage(input: EvidencePackageInput, write: PackageBytesWriter): Promise<void> {
  const zip = createZipFramer({ modifiedAt: input.modifiedAt, mode: entryMode });
  const { sums } = await writePackageFiles(input, {
    open(path) {
      const header = zip.beginEntry(path);
      let isHeaderWritten = false;
      return {
        async write(bytes, isHandedOver) {
          if (!isHeaderWritten) {
            isHeaderWritten = true;
            await write(header);
          }
          zip.addData(bytes);
          await write(bytes, isHandedOver);
        },
        async close() {
          if (!isHeaderWritten) await write(header);
          await write(zip.endEntry());
        },
      };
    },
  });
  await write(zip.wholeEntry(sumsFile, Buffer.from(sums, "utf8")));
  await write(zip.wholeEntry(packageSignatureFile, Buffer.from(await input.signSums(sums), "utf8")));
  await write(zip.finish());
}
