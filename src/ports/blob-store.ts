export interface BlobStore {
  /** Stores bytes under a key made by the core (never from a client's file name). Atomic. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}
