// Where an ArtifactWriter's chunks go. Both stores are fenced on the report's
// lease: a worker that lost it makes nothing of its own visible. Which store
// writes is the profile's choice (create-chunk-store.ts).

export interface ChunkStore {
  /** Stores chunk `seq`; `data` may be reused once this resolves. */
  store(seq: number, data: Buffer): Promise<void>;
  /** Makes the chunks stored so far final; throws LeaseLostError when the lease moved on. */
  commit(): Promise<void>;
  /** Drops whatever is not final yet. Idempotent. */
  abort(): Promise<void>;
}

export type ChunkStoreOptions = { chunkBytes: number; leaseSeconds: number };
