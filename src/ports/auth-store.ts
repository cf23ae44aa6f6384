// Persistence of portal sign-in: sessions, one-time codes, invitations, Telegram links and throttles.
import type { Millis } from '../domain/types.ts';
import type { Scope, Write } from './store.ts';

export interface PortalSession {
  /** SHA-256 of the cookie token */
  id: string;
  agencyId: string;
  clientId: string;
  csrfToken: string;
  createdAt: Millis;
  lastSeenAt: Millis;
  method: 'code' | 'invitation';
}

export interface SignInCode {
  id: string;
  agencyId: string;
  clientId: string;
  phone: string;
  codeHash: string;
  attempts: number;
  expiresAt: Millis;
  consumedAt: Millis | null;
  createdAt: Millis;
}

export interface Invitation {
  id: string;
  agencyId: string;
  clientId: string;
  staffId: string | null;
  expiresAt: Millis;
  consumedAt: Millis | null;
  createdAt: Millis;
}

/** A "Connect Telegram" deep link's one-time token, stored as its hash. */
export interface TelegramLink {
  /** SHA-256 of the token */
  id: string;
  agencyId: string;
  clientId: string;
  expiresAt: Millis;
  consumedAt: Millis | null;
  createdAt: Millis;
}

export interface SessionRepo {
  get(id: string): Promise<PortalSession | null>;
  insert(row: PortalSession): Write;
  /** Moves last-seen forward (idle timeout); never backward. */
  touch(id: string, at: Millis): Promise<void>;
  delete(id: string): Write;
  deleteForClient(s: Scope, clientId: string): Write;
}

export interface SignInCodeRepo {
  /** The newest code for the phone that is unused and unexpired at `now`. */
  latestOpen(phone: string, now: Millis): Promise<SignInCode | null>;
  insert(row: SignInCode): Write;
  /** Counts one try, atomically; false when the code had no tries left. */
  tryAttempt(id: string, maxAttempts: number): Promise<boolean>;
  /** Marks the code used; fails the commit (conflict) if it was used meanwhile. */
  consume(id: string, at: Millis): Write[];
  /** Closes every open code of the phone (a new one replaces them). */
  closeOpen(phone: string, at: Millis): Write;
}

export interface InvitationRepo {
  get(id: string): Promise<Invitation | null>;
  insert(row: Invitation): Write;
  /** Marks the invitation used; fails the commit (conflict) if it was used meanwhile. */
  consume(id: string, at: Millis): Write[];
}

export interface TelegramLinkRepo {
  get(id: string): Promise<TelegramLink | null>;
  insert(row: TelegramLink): Write;
  /** Marks the link used; fails the commit (conflict) if it was used meanwhile. */
  consume(id: string, at: Millis): Write[];
}

export interface RateLimitRepo {
  /** Counts one hit for `key` in a fixed window of `windowMs`; returns the count including it. */
  hit(key: string, now: Millis, windowMs: number): Promise<number>;
}

export interface AuthStore {
  sessions: SessionRepo;
  signInCodes: SignInCodeRepo;
  invitations: InvitationRepo;
  telegramLinks: TelegramLinkRepo;
  rateLimits: RateLimitRepo;
}
