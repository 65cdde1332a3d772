// Where a parsed JSON value holds an own `__proto__` key. JSON.parse keeps
// such a key as data, but any copy made by assignment (Prisma's JSON writer
// among them) turns it into a prototype change and the key is lost, so what
// was hashed or validated would not be what is stored.
import { findJsonPath, type JsonPath } from "@/lib/json/find-json-path";

export function findProtoKeyPath(value: unknown): JsonPath | null {
  return findJsonPath(value, (_, key) => key === "__proto__");
}
