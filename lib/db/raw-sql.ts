// Direct driver access for the report engine's byte- and row-heavy paths.
// Prisma stays the query API everywhere else; here it cost more than the
// database itself: row mapping of million-row populations, and Bytes moved
// through base64 (chunk writes and downloads). Statements are still built with
// Prisma.sql, so values are always bound, never spliced.
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { logger } from "@/lib/log/logger";
import { from as copyFrom, to as copyTo, type CopyToStreamQuery } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { copyBinaryHeader, copyBinaryTrailer } from "@/lib/db/copy-binary-format";
import { getDatabaseProvider, getSqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import { getEnv } from "@/lib/env";
import { databaseBusy } from "@/lib/errors/database-busy";

export type RawRow = Record<string, unknown>;

export interface RawSql {
  readonly provider: DatabaseProvider;
  query<T extends RawRow = RawRow>(sql: Prisma.Sql): Promise<T[]>;
  /**
   * Rows as arrays of column values, in select-list order. For large reads:
   * better-sqlite3 builds result objects through a slow path
   * (docs/benchmarks.md, row arrays on SQLite). `asText` (PostgreSQL): every
   * value as the server's text form, unparsed, as `COPY … TO STDOUT` gives it.
   */
  queryArrays(sql: Prisma.Sql, options?: { asText?: boolean }): Promise<unknown[][]>;
  /**
   * Runs the statements in order in one write transaction and resolves to the
   * rows each changed. A list rather than a callback: on SQLite the whole
   * transaction then runs synchronously, so nothing else on this thread can
   * interleave while it holds the write lock (SQLite: BEGIN IMMEDIATE).
   */
  transaction(statements: Prisma.Sql[]): Promise<number[]>;
  /**
   * PostgreSQL only: the bytes of `COPY (<query>) TO STDOUT …` on a connection
   * of its own. COPY takes no bind parameters, so the query's values are
   * inlined as escaped literals. Ending the iteration early drops the connection.
   * `connection: "unpooled"` opens that connection outside the pool, for a COPY
   * that waits while the same caller queries through the pool (with a pool of
   * one, a pooled COPY would hold the connection those queries wait for).
   */
  copyOut(query: Prisma.Sql, options: string, connection?: CopyOutConnection): AsyncIterable<Buffer>;
  /**
   * PostgreSQL only: a transaction on a connection of its own (outside the
   * pool, so a long load never starves the pool's readers) running
   * `COPY <target> FROM STDIN (FORMAT binary)`. `target` (a table and its
   * column list) is SQL written in this codebase, never a value.
   */
  copyIn(target: string): Promise<CopyInTransaction>;
  close(): Promise<void>;
}

/** Where a COPY out takes its connection: the pool's (the default), or one opened for it alone. */
export type CopyOutConnection = "pooled" | "unpooled";

export interface CopyInTransaction {
  /** Encoded rows (copy-binary-format.ts); resolves once the connection takes more. */
  write(rows: Buffer): Promise<void>;
  /**
   * Ends the COPY and runs `fence` in the same transaction: commits when it
   * changed a row and resolves true, else rolls back and resolves false.
   */
  commitIf(fence: Prisma.Sql): Promise<boolean>;
  /** Discards everything written and closes the connection. Idempotent. */
  rollback(): Promise<void>;
}

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** node-postgres type parsers that keep every value as the server sent it. */
const textTypes = { getTypeParser: () => (text: string) => text } as unknown as pg.CustomTypesConfig;

export type RawSqlPoolOptions = {
  /** PostgreSQL connections (DATABASE_POOL_SIZE unless given). */
  poolSize?: number;
  /** Longest wait for a free connection before a 503 (DATABASE_POOL_TIMEOUT_SECONDS unless given). */
  connectionTimeoutMs?: number;
};

export function createRawSql(url: string, options: RawSqlPoolOptions = {}): RawSql {
  return getDatabaseProvider(url) === "postgresql" ? createPostgresRawSql(url, options) : createSqliteRawSql(url);
}

function createSqliteRawSql(url: string): RawSql {
  const connection = new SqliteDatabase(getSqliteFilePath(url), { fileMustExist: true, timeout: 10_000 });
  // WAL + NORMAL: a commit is durable once the WAL is synced at checkpoint; a
  // crash can lose the last chunks, never corrupt them, and the report's lease
  // then expires and it is generated again. FULL would sync at every commit of chunks.
  connection.pragma("synchronous = NORMAL");
  // Prepared once per SQL text; raw (array) mode is a property of a statement, hence two caches.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const arrayStatements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (sql: Prisma.Sql, asArrays = false) => {
    const cache = asArrays ? arrayStatements : statements;
    let statement = cache.get(sql.sql);
    if (!statement) {
      statement = connection.prepare(sql.sql);
      if (asArrays) statement.raw(true);
      cache.set(sql.sql, statement);
    }
    return statement;
  };
  const values = (sql: Prisma.Sql) => sql.values.map(toSqliteValue);
  const runAll = connection.transaction((statements: Prisma.Sql[]) =>
    statements.map((sql) => prepare(sql).run(...values(sql)).changes),
  );
  return {
    provider: "sqlite",
    query: async <T extends RawRow>(sql: Prisma.Sql) => prepare(sql).all(...values(sql)) as T[],
    queryArrays: async (sql) => prepare(sql, true).all(...values(sql)) as unknown[][],
    transaction: async (statements) => runAll.immediate(statements),
    copyOut() {
      throw new Error("COPY is PostgreSQL-only");
    },
    copyIn() {
      throw new Error("COPY is PostgreSQL-only");
    },
    async close() {
      statements.clear();
      arrayStatements.clear();
      connection.close();
    },
  };
}

function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return sqlTimestamp(value, "sqlite");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

// pg would send a Date as local time with an offset, which timestamp(3) drops.
const values = (sql: Prisma.Sql) =>
  sql.values.map((value) => (value instanceof Date ? sqlTimestamp(value, "postgresql") : value));

/** pg-pool's error when no connection came free (or could be opened) in time. */
const poolTimeoutMessage = /timeout exceeded when trying to connect/i;

function toPoolError(error: unknown): never {
  if (error instanceof Error && poolTimeoutMessage.test(error.message)) throw databaseBusy();
  throw error;
}

function createPostgresRawSql(url: string, options: RawSqlPoolOptions): RawSql {
  const env = getEnv();
  // A slow client holds its download's connection until it has read every
  // byte, so waiting for one is bounded: busy answers 503 instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? Math.round(env.DATABASE_POOL_TIMEOUT_SECONDS * 1000),
    allowExitOnIdle: true,
    // timestamp(3) columns hold UTC without a zone; pg would read them as local time.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
          ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that dies (the database restarted, the network dropped) is
  // an error of the query using it, or nothing while idle; unlistened, pg
  // raises it as an uncaught exception that ends the thread.
  pool.on("error", (error) => logger.warn({ err: error }, "an idle database connection failed"));
  pool.on("connect", (client) => client.on("error", () => undefined));
  return {
    provider: "postgresql",
    query: async <T extends RawRow>(sql: Prisma.Sql) =>
      (await pool.query<T>(sql.text, values(sql)).catch(toPoolError)).rows,
    async transaction(statements) {
      const client = await pool.connect().catch(toPoolError);
      try {
        await client.query("BEGIN");
        // Like SQLite's synchronous=NORMAL: the commit does not wait for its WAL
        // flush. A crash can lose the last chunks, never corrupt them; the lease
        // then expires and the report is generated again.
        await client.query("SET LOCAL synchronous_commit TO OFF");
        const changed: number[] = [];
        for (const sql of statements) changed.push((await client.query(sql.text, values(sql))).rowCount ?? 0);
        await client.query("COMMIT");
        return changed;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async queryArrays(sql, options) {
      const types = options?.asText ? textTypes : undefined;
      const result = await pool
        .query<unknown[]>({ text: sql.text, values: values(sql), rowMode: "array", types })
        .catch(toPoolError);
      return result.rows;
    },
    async *copyOut(query, options, connection = "pooled") {
      const copy = copyTo(`COPY (${inlineValues(query)}) TO STDOUT WITH (${options})`);
      if (connection === "unpooled") {
        yield* copyOutUnpooled(url, copy);
        return;
      }
      const client = await pool.connect().catch(toPoolError);
      let failed = true;
      try {
        yield* client.query(copy);
        failed = false;
      } finally {
        // A COPY left half-read cannot be reused: destroy that connection.
        client.release(failed);
      }
    },
    copyIn: (target) => openCopyIn(url, target),
    close: () => pool.end(),
  };
}

/** A COPY out on a connection opened for it and closed after it, however it ends. */
async function* copyOutUnpooled(url: string, copy: CopyToStreamQuery): AsyncGenerator<Buffer> {
  const client = new pg.Client({ connectionString: url });
  // A broken connection surfaces as the COPY stream's error, not as an uncaught event.
  client.on("error", () => undefined);
  try {
    await client.connect();
    yield* client.query(copy);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function openCopyIn(url: string, target: string): Promise<CopyInTransaction> {
  const client = new pg.Client({ connectionString: url });
  // A broken connection surfaces on the next write or commit, not as an uncaught event.
  let failure: Error | null = null;
  client.on("error", (error) => (failure ??= error));
  await client.connect();
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await client.end().catch(() => undefined);
  };
  try {
    await client.query("BEGIN");
    // Like the chunk inserts' SET LOCAL: the commit does not wait for its WAL flush.
    // And the COPY lasts as long as the rows keep coming (a whole report), so a
    // server-wide statement_timeout meant for queries must not cut it.
    await client.query("SET LOCAL synchronous_commit TO OFF; SET LOCAL statement_timeout TO 0");
  } catch (error) {
    await end();
    throw error;
  }
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
  stream.on("error", (error) => (failure ??= error));
  // The server's answer to CopyDone: 'finish' once it took every row, 'error' when it refused one.
  const endCopy = () =>
    new Promise<void>((resolve, reject) => {
      stream.once("error", reject);
      // Node calls back with the error too, where the stream was destroyed by one.
      stream.end((error?: Error | null) => (stream.off("error", reject), error ? reject(error) : resolve()));
    });
  const write = async (bytes: Buffer) => {
    if (failure) throw failure;
    if (stream.write(bytes)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => (stream.off("error", onError), resolve());
      const onError = (error: Error) => (stream.off("drain", onDrain), reject(error));
      stream.once("drain", onDrain).once("error", onError);
    });
  };
  await write(copyBinaryHeader).catch(async (error: unknown) => {
    await end();
    throw error;
  });

  return {
    write,
    async commitIf(fence) {
      try {
        await write(copyBinaryTrailer);
        await endCopy();
        const fenced = await client.query(fence.text, values(fence));
        const held = (fenced.rowCount ?? 0) > 0;
        await client.query(held ? "COMMIT" : "ROLLBACK");
        return held;
      } finally {
        await end();
      }
    },
    // Closing the connection mid-COPY or mid-transaction makes the server roll it back.
    rollback: end,
  };
}

/**
 * `$n` placeholders replaced by their values as escaped literals (for COPY,
 * which binds none), in one pass: an inlined value that itself contains "$1"
 * is never rewritten again.
 */
function inlineValues(query: Prisma.Sql): string {
  return query.text.replace(/\$(\d+)/g, (placeholder, index: string) => {
    if (Number(index) < 1 || Number(index) > query.values.length) return placeholder;
    const value: unknown = query.values[Number(index) - 1];
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (value instanceof Date) return pg.escapeLiteral(sqlTimestamp(value, "postgresql"));
    if (typeof value !== "string") throw new Error(`COPY cannot inline a ${typeof value} value`);
    return pg.escapeLiteral(value);
  });
}
