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
import { getEnv } from "@/lib/env";

let initialized = false;

/** Instantiates the wasm module once per process (the npm entry point imports a .wasm file, which Node cannot). */
function initializeWasm(): void {
  if (initialized) return;
  const require = createRequire(import.meta.url);
  // The package's export map hides the .wasm file; it sits beside the bindings.
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialized = true;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Adds the driver's own error (which the engine only names by id) to an engine error. */
  explain(error: unknown): Error;
  /** Frees the engine and closes every connection it opened. */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<OpenSchemaEngine> {
  initializeWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  function track<T extends { dispose(): Promise<void> }>(adapter: T): T {
    opened.push(adapter);
    return adapter;
  }
  const boundFactory = bindMigrationAwareSqlAdapterFactory(tracked);
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const cause = id === undefined ? undefined : boundFactory.errorRegistry.consumeError(Number(id))?.error;
    if (cause === undefined) return error instanceof Error ? error : new Error(message);
    const detail = cause instanceof Error ? cause.message : JSON.stringify(cause);
    return new Error(`${message}\nDriver error: ${detail}`, { cause });
  };
  const close = async () => {
    for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => undefined);
  };
  const log = (message: string) => {
    if (getEnv().DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  let engine: SchemaEngine;
  try {
    engine = await engineBindings.SchemaEngine.new({ datamodels: undefined }, log, boundFactory);
  } catch (error) {
    await close();
    throw explain(error);
  }
  return {
    engine,
    explain,
    close: async () => {
      engine.free();
      await close();
    },
  };
}
