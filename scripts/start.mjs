// `npm start`: build when the build is missing or older than the sources, then
// serve with `next start`. Migrations, the demo seed and the report workers run
// inside the server at boot (instrumentation.ts), so every start path gets them.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const buildIdFile = path.join(root, ".next", "BUILD_ID");
const sourceDirs = ["app", "components", "lib", "prisma", "public"];
const sourceFiles = ["next.config.js", "package.json", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json"];

function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (entry.endsWith(`${path.sep}generated`)) return;
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const item of [...sourceDirs, ...sourceFiles]) visit(path.join(root, item));
  return newest;
}

function isBuildCurrent() {
  if (!fs.existsSync(buildIdFile)) return false;
  return fs.statSync(buildIdFile).mtimeMs >= newestSourceTime();
}

// Read first: a bad setting stops here, not after a build.
const nodeFlags = v8Flags();

if (!isBuildCurrent()) {
  console.log("Attest: building the app (first start or sources changed)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// Next's own binary, not `npx`: a signal sent to this script must reach the
// server process itself so report workers can hand their leases back.
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [...nodeFlags, nextBin, "start", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    // Our own SIGTERM handler lets report workers hand their lease back first.
    NEXT_MANUAL_SIG_HANDLE: "true",
    // glibc gives each thread that allocates its own malloc arena; with report
    // worker threads streaming hundreds of MB, freed memory stayed resident in them.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    // Report chunks and their groups are read and written as buffers of their own. By
    // default glibc raises its mmap threshold after the first such buffer is
    // freed and serves the rest from its heap, which then stays resident after
    // a download; a fixed threshold gives each back to the system when freed.
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? "131072",
  },
});

/** The V8 flags `next start` runs with: the settings below. */
function v8Flags() {
  const heapMb = serverHeapMb();
  const semiSpaceMb = serverSemiSpaceMb();
  return [
    ...(singleThreadedGc() ? ["--single-threaded-gc"] : []),
    ...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []),
    ...(semiSpaceMb > 0 ? [`--max-semi-space-size=${semiSpaceMb}`] : []),
  ];
}

/**
 * SINGLE_THREADED_GC (default: on with 2 CPUs or fewer). V8 otherwise hands
 * garbage collection work to helper threads; with two report threads busy on
 * two cores those helpers only take turns with them, which slows reports down
 * (docs/benchmarks.md, single-threaded GC).
 */
function singleThreadedGc() {
  const setting = (process.env.SINGLE_THREADED_GC ?? "").trim().toLowerCase();
  return setting === "" ? os.availableParallelism() <= 2 : setting === "true" || setting === "1";
}

/**
 * SERVER_HEAP_MB (default 512; 0: V8's own limit, a share of the machine's
 * memory): the main thread's old generation. Its live objects are a few tens
 * of MB, but under V8's own limit the garbage of the requests it served stayed
 * resident until a far-off full collection, so every report peaked higher than
 * the one before; a much smaller cap slowed downloads (docs/benchmarks.md, the
 * main thread's heap). The flag is cleared again for worker threads
 * (lib/process/clear-inherited-heap-limits.ts).
 */
function serverHeapMb() {
  return megabytesSetting(
    "SERVER_HEAP_MB",
    512,
    (mb) => mb === 0 || (mb >= 64 && mb <= 16384),
    "0 or an integer from 64 to 16384",
  );
}

/**
 * SERVER_SEMI_SPACE_MB (default 4; 0: V8's own, 16): the main thread's young
 * generation, two semi-spaces of this size. On SQLite a download's chunks are
 * buffers from glibc's heap that are freed only when the young generation is
 * collected: with V8's size so many piled up between collections that the heap
 * stayed that much larger, under every later report's peak (docs/benchmarks.md,
 * the main thread's young generation). Cleared for worker threads as well.
 */
function serverSemiSpaceMb() {
  return megabytesSetting("SERVER_SEMI_SPACE_MB", 4, (mb) => mb >= 0 && mb <= 256, "an integer from 0 to 256");
}

/** A whole number of MB from the environment, its fallback when unset; any other value ends the start here. */
function megabytesSetting(name, fallback, accepts, expected) {
  const setting = (process.env[name] ?? "").trim();
  if (setting === "") return fallback;
  const mb = Number(setting);
  if (!Number.isInteger(mb) || !accepts(mb)) {
    console.error(`Attest: ${name} must be ${expected} (got "${setting}")`);
    process.exit(1);
  }
  return mb;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
