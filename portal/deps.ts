import type { Client } from '../src/domain/types.ts';
import type { HttpDeps } from '../src/http/deps.ts';
import type { PortalSession } from '../src/ports/auth-store.ts';

export interface PortalDeps extends HttpDeps {
  /** the agency this portal serves (one per deployment on Node; by host on Workers later) */
  agencyId: () => Promise<string | null>;
  /** where the quick-exit button goes */
  quickExitUrl?: string;
}

export type PortalEnv = {
  Variables: {
    locale: string;
    session: PortalSession | null;
    client: Client | null;
    /** the CSRF token forms must carry: the session's, or the pre-session cookie's */
    csrf: string;
  };
};

export const SESSION_COOKIE = 'cb_session';
export const PRE_SESSION_COOKIE = 'cb_pre';
export const LANG_COOKIE = 'cb_lang';
