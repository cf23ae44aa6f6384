import type { Door } from './types.ts';

/** Who is acting, for which agency, through which door. Every use case takes one. */
export type Actor =
  | { type: 'client'; agencyId: string; clientId: string; door: Door }
  | { type: 'staff'; agencyId: string; staffId: string; door: Door }
  | { type: 'admin'; agencyId: string; adminId?: string; door: Door }
  | { type: 'system'; agencyId: string; door: Door };

export const actorId = (a: Actor): string | null => {
  switch (a.type) {
    case 'client':
      return a.clientId;
    case 'staff':
      return a.staffId;
    case 'admin':
      return a.adminId ?? null;
    case 'system':
      return null;
  }
};

/** Staff and admins act for the agency; a client acts only on their own data. */
export const isAgencySide = (a: Actor): boolean => a.type !== 'client';
