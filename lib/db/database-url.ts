// Which database Attest talks to: DATABASE_URL, or the embedded SQLite file.
import path from "node:path";
import { getEnv } from "@/lib/env";

export type DatabaseProvider = "sqlite" | "postgresql";

export function getDatabaseUrl(): string {
  const configured = getEnv().DATABASE_URL;
  if (configured) return configured;
  return `file:${path.join(getDataDirectory(), "attest.db")}`;
}

export function getDatabaseProvider(url = getDatabaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Where the embedded database and generated secrets live (git-ignored). Runtime paths: not traced into the build. */
export function getDataDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().ATTEST_DATA_DIR ?? path.join(process.cwd(), "data"));
}

/** The filesystem path of a `file:` SQLite URL. */
export function getSqliteFilePath(url = getDatabaseUrl()): string {
  const withoutScheme = url.replace(/^file:/, "").split("?")[0] ?? "";
  return path.resolve(/*turbopackIgnore: true*/ withoutScheme);
}
