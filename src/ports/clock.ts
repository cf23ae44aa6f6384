import type { Millis } from '../domain/types.ts';

export interface Clock {
  now(): Millis;
}
