export interface IdGenerator {
  /** A new unguessable id, `prefix_` followed by at least 128 random bits. */
  newId(prefix: string): string;
}
