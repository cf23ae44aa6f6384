// What every command gets: the core's dependencies, the admin actor for the chosen agency, output.
import type { Actor } from '../domain/actor.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';
import type { Io, Say } from './io.ts';

export interface CommandContext {
  deps: CoreDeps;
  actor: Actor & { type: 'admin' };
  io: Io;
  say: Say;
  /** the portal's public address, for links the CLI prints */
  publicUrl: string;
}

/** Exit codes: 0 done, 1 refused or failed (bad rows, unknown client…), 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
