// Starts a TypeScript worker entry (given as the first argument) through tsx:
// how worker threads run outside a Next build, in tests and dev scripts.
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

await tsImport(pathToFileURL(process.argv[2]).href, import.meta.url);
