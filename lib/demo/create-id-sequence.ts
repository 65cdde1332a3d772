// Deterministic row ids: a table prefix and a zero-padded base-36 counter, so
// the same seed writes the same ids and ids sort in generation order.
export function createIdSequence(prefix: string): () => string {
  let counter = 0;
  return () => `${prefix}_${(++counter).toString(36).padStart(7, "0")}`;
}
