// Loads Prisma's schema engine compiled to WebAssembly and drives it through a
// driver adapter. Prisma's CLI would download a native engine, which fails
// offline; the wasm build ships in npm. It is an internal package: its version
// is pinned to the client's in package.json because its API may change.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

let initialized = false;

/** Instantiates the wasm module once per process (the npm entry point imports a .wasm file, which Node cannot). */
function initializeWasm(): void {
  if (initialized) return;
  const require = createRequire(import.meta.url);
  // The package's export map hides the .wasm file; it sits beside the bindings.
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialized = true;
}

export async function loadSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  initializeWasm();
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  try {
    return await engineBindings.SchemaEngine.new({ datamodels: undefined }, log, boundFactory);
  } catch (error) {
    throw explainEngineError(error, boundFactory.errorRegistry);
  }
}

/**
 * The engine reports a driver failure as an error carrying the id under which
 * the adapter registered the original error; that original says what went wrong.
 */
export function explainEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const id = (error as { id?: unknown } | null)?.id;
  if (typeof id === "number") return registry.consumeError(id)?.error ?? error;
  return error;
}
