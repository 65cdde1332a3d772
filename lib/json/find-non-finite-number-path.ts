// Where a parsed JSON value holds a number JSON.parse could not represent: a
// literal beyond ±1.8e308 becomes Infinity, which JSON cannot write back
// (JSON.stringify stores it as null) and canonical JSON refuses outright.
import { findJsonPath, type JsonPath } from "@/lib/json/find-json-path";

export function findNonFiniteNumberPath(value: unknown): JsonPath | null {
  return findJsonPath(value, (node) => typeof node === "number" && !Number.isFinite(node));
}
