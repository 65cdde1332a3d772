// Where a parsed JSON value holds an own `__proto__` key. JSON.parse keeps
// such a key as data, but any copy made by assignment (Prisma's JSON writer
// among them) turns it into a prototype change and the key is lost, so what
// was hashed or validated would not be what is stored.

/** The dotted path of the first `__proto__` key found (e.g. `records.0.metadata.__proto__`), or null. */
export function findProtoKeyPath(value: unknown): string | null {
  // Without recursion: a body may nest as deep as the JSON parser allows.
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (Object.hasOwn(next.value, "__proto__")) return joinPath(next.path, "__proto__");
    for (const [key, child] of Object.entries(next.value))
      pending.push({ value: child, path: joinPath(next.path, key) });
  }
  return null;
}

const joinPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
