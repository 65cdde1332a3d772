// Every environment variable the server reads, parsed and validated in one
// place (README.md's Configuration table lists the same names). Invalid values
// stop the server at start (instrumentation.ts) with a message naming them.
//
// Read through getEnv(), not at import: tests point DATABASE_URL and
// ATTEST_DATA_DIR at their own database before the first call, `next build`
// imports modules without the runtime's variables, and worker threads each
// have their own copy of process.env. Parsing runs again only when a variable
// changed (tests do that; next-auth's set-up writes NEXTAUTH_*).
//
// Not `import "server-only"`: report, artifact and seed worker threads and the
// tsx scripts load this module outside Next's react-server build, where that
// package throws. The browser guard below keeps it out of client bundles.
import { z } from "zod";

if (typeof window !== "undefined") {
  throw new Error("lib/env.ts is server configuration and must not be imported by client components");
}

const blankIsUnset = "an empty value counts as unset";

function integer(range: { min: number; max?: number }, fallback: number) {
  const expected =
    range.max === undefined ? `an integer of at least ${range.min}` : `an integer from ${range.min} to ${range.max}`;
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, expected)
    .transform(Number)
    .refine((value) => value >= range.min && value <= (range.max ?? Number.MAX_SAFE_INTEGER), expected)
    .default(fallback);
}

/** A whole number in range, or unset (the caller's default depends on the machine). */
function optionalInteger(range: { min: number; max: number }) {
  const expected = `an integer from ${range.min} to ${range.max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .refine((value) => value >= range.min && value <= range.max, expected)
    .optional();
}

function number(range: { min: number }, fallback: number) {
  const expected = `a number of at least ${range.min}`;
  return z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, expected)
    .transform(Number)
    .refine((value) => value >= range.min, expected)
    .default(fallback);
}

function optionalFlag() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "1", "0"], { error: "true or false (or 1 or 0)" }))
    .transform((value) => value === "true" || value === "1")
    .optional();
}

function flag(fallback: boolean) {
  return optionalFlag().default(fallback);
}

function isPostgresUrl(url: string | undefined): boolean {
  return /^postgres(ql)?:\/\//i.test(url ?? "");
}

const optionalText = z.string().optional();
const optionalTrimmed = z.string().trim().optional();

/** The variables and what each accepts; defaults that depend on the working directory are applied by their readers. */
export const envSchema = z.object({
  // Storage
  DATABASE_URL: optionalTrimmed.refine(
    (url) => url === undefined || /^(file:|postgres(ql)?:\/\/)/i.test(url),
    "a file: URL (SQLite) or a postgres:// URL",
  ),
  DATABASE_POOL_SIZE: integer({ min: 1, max: 1000 }, 10),
  DATABASE_POOL_TIMEOUT_SECONDS: number({ min: 0.1 }, 10),
  ATTEST_DATA_DIR: optionalText,
  ATTEST_PRISMA_DIR: optionalText,
  // Sign-in
  NEXTAUTH_SECRET: optionalTrimmed,
  AUTH_SECRET: optionalTrimmed,
  NEXTAUTH_URL: z.url({ error: "an absolute URL such as https://attest.example.com" }).optional(),
  // next-auth trusts the Host header when either is set to anything (its own rule).
  AUTH_TRUST_HOST: optionalText,
  VERCEL: optionalText,
  // Which X-Forwarded-For hops to believe (lib/auth/get-client-ip.ts): a number of proxy hops, or proxy addresses.
  TRUST_PROXY: optionalTrimmed.refine(
    (value) =>
      value === undefined ||
      /^\d+$/.test(value) ||
      value.split(",").every((item) => /^[0-9a-f:.]+$/i.test(item.trim())),
    "a number of proxy hops (such as 1) or a comma-separated list of proxy IP addresses",
  ),
  PORT: integer({ min: 1, max: 65_535 }, 3000),
  // How long SIGTERM waits for requests in flight before the process exits anyway.
  SHUTDOWN_GRACE_SECONDS: number({ min: 0 }, 25),
  // Signed statements (lib/signing): the key's text is checked where it is parsed.
  ATTEST_SIGNING_KEY: optionalText,
  ATTEST_SIGNING_KEY_FILE: optionalText,
  ATTEST_SIGNING_KEY_VALID_FROM: optionalTrimmed,
  ATTEST_RETIRED_SIGNING_KEYS: optionalText,
  // Demo data
  // Default filled in by parseEnv: on for SQLite, off for PostgreSQL (see seedsDemoInto).
  ATTEST_SEED_DEMO: optionalFlag(),
  DEMO_PASSWORD: optionalText,
  // First admin (npm run create-admin)
  ATTEST_ADMIN_PASSWORD: optionalText,
  // Ingest
  ATTEST_INGEST_RATE_LIMIT: integer({ min: 1 }, 60),
  // Share links
  ATTEST_SHARE_LINK_RATE_LIMIT: integer({ min: 1 }, 60),
  // Report generation
  REPORT_WORKERS: integer({ min: 0, max: 16 }, 1),
  REPORT_LEASE_SECONDS: number({ min: 5 }, 60),
  REPORT_POLL_MS: integer({ min: 1 }, 2000),
  REPORT_WORKER_HEAP_MB: integer({ min: 64 }, 192),
  REPORT_WORKER_NICE: integer({ min: 0, max: 19 }, 10),
  // Report threads start when a report waits and end when none does, so an idle server holds none (false: always running).
  REPORT_WORKERS_ON_DEMAND: flag(true),
  // On demand, how long a set of report threads stays after its last report, so a burst reuses warm threads
  // (0: they end at once; a lingering set keeps its memory meanwhile). Unset: the database's profile decides.
  REPORT_WORKER_LINGER_SECONDS: optionalInteger({ min: 0, max: 3600 }),
  REPORT_MAX_SECONDS: number({ min: 1 }, 3600),
  REPORT_MAX_PENDING_PER_ORG: integer({ min: 1 }, 20),
  // How often the scheduler queues closed periods and the purge job runs; 0 turns both off in this process.
  COMPLIANCE_TICK_SECONDS: integer({ min: 0, max: 3600 }, 60),
  // Threads that verify a long audit chain side by side; unset: one per CPU core.
  AUDIT_VERIFY_THREADS: optionalInteger({ min: 1, max: 16 }),
  // Memory for the digests of chain lines already verified (PostgreSQL), 16 bytes an event; 0: none.
  AUDIT_VERIFIED_LINES_MB: integer({ min: 0, max: 4096 }, 32),
  // Evidence packages rendering at once (one thread each); unset: one per CPU core, at least 2.
  PACKAGE_THREADS: optionalInteger({ min: 1, max: 64 }),
  // How long a package download waits for a free thread before it is answered 503 server_busy.
  PACKAGE_WAIT_SECONDS: number({ min: 0 }, 15),
  // Diagnostics
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  DEBUG_SCHEMA_ENGINE: flag(false),
});

export type Env = Omit<z.infer<typeof envSchema>, "ATTEST_SEED_DEMO"> & { ATTEST_SEED_DEMO: boolean };
export type EnvVariable = keyof Env;

export const envVariables = Object.keys(envSchema.shape) as EnvVariable[];

/** Values that must not be echoed into an error message or a log. */
const secretVariables = new Set<EnvVariable>([
  "DATABASE_URL",
  "NEXTAUTH_SECRET",
  "AUTH_SECRET",
  "DEMO_PASSWORD",
  "ATTEST_ADMIN_PASSWORD",
  "ATTEST_SIGNING_KEY",
]);

/** Thrown when a variable is set to something Attest cannot use; `variables` names them. */
export class EnvError extends Error {
  readonly variables: EnvVariable[];

  constructor(problems: { variable: EnvVariable; expected: string; value: string | undefined }[]) {
    const lines = problems.map(({ variable, expected, value }) => {
      const got = secretVariables.has(variable) || value === undefined ? "" : ` (got ${JSON.stringify(value)})`;
      return `  ${variable} must be ${expected}${got}`;
    });
    super(
      `Invalid configuration:\n${lines.join("\n")}\nFix or unset the variable (${blankIsUnset}); README.md, section Configuration, lists every variable.`,
    );
    this.name = "EnvError";
    this.variables = problems.map((problem) => problem.variable);
  }
}

type EnvSource = Record<string, string | undefined>;

/** Only the variables this module knows, with blank values treated as unset. */
function pickVariables(source: EnvSource): Partial<Record<EnvVariable, string>> {
  const picked: Partial<Record<EnvVariable, string>> = {};
  for (const variable of envVariables) {
    const value = source[variable];
    if (value !== undefined && value.trim() !== "") picked[variable] = value;
  }
  return picked;
}

/** Parses `source` (process.env unless given) or throws an EnvError naming every bad variable. */
export function parseEnv(source: EnvSource = process.env): Env {
  const picked = pickVariables(source);
  const result = envSchema.safeParse(picked);
  if (result.success) {
    return {
      ...result.data,
      ATTEST_SEED_DEMO: result.data.ATTEST_SEED_DEMO ?? !isPostgresUrl(result.data.DATABASE_URL),
    };
  }
  const problems = new Map<EnvVariable, string>();
  for (const issue of result.error.issues) {
    const variable = issue.path[0] as EnvVariable;
    if (!problems.has(variable)) problems.set(variable, issue.message);
  }
  throw new EnvError([...problems].map(([variable, expected]) => ({ variable, expected, value: picked[variable] })));
}

/**
 * Whether an empty database at `databaseUrl` gets the demo: ATTEST_SEED_DEMO
 * when set, else only the embedded SQLite default. The demo's admin has a
 * published password, so a PostgreSQL (real) deployment never gets it unasked.
 */
export function seedsDemoInto(databaseUrl: string | undefined, source: EnvSource = process.env): boolean {
  return parseEnv({ ...source, DATABASE_URL: databaseUrl ?? source.DATABASE_URL }).ATTEST_SEED_DEMO;
}

let cached: { fingerprint: string; env: Env } | undefined;

/** The parsed configuration of this process (or thread); re-parsed only when a variable changed. */
export function getEnv(source: EnvSource = process.env): Env {
  const fingerprint = JSON.stringify(pickVariables(source));
  if (cached?.fingerprint === fingerprint) return cached.env;
  const env = parseEnv(source);
  cached = { fingerprint, env };
  return env;
}

/**
 * The start-up check (instrumentation.ts): on a bad variable, print what is
 * wrong and end the process with status 1, so `npm start` fails at once
 * instead of serving with a broken setting. Returns whether the configuration is valid.
 */
export function exitOnInvalidEnv(): boolean {
  try {
    getEnv();
    return true;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\nAttest cannot start. ${error.message}\n`);
    process.exit(1);
    return false;
  }
}
