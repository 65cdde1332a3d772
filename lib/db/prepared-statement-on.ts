// better-sqlite3 statements prepared once per connection: ingest runs the same
// few statements for every batch, and preparing one costs more than running it.
import type SqliteDatabase from "better-sqlite3";

const preparedByConnection = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** One prepared statement per connection and SQL text, kept while the connection lives. */
export function preparedStatementOn(connection: SqliteDatabase.Database, sql: string): SqliteDatabase.Statement {
  let prepared = preparedByConnection.get(connection);
  if (!prepared) preparedByConnection.set(connection, (prepared = new Map()));
  let statement = prepared.get(sql);
  if (!statement) prepared.set(sql, (statement = connection.prepare(sql)));
  return statement;
}
