import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Role } from './api-key.entity';

/** Who is asking: the API key of the request, or null for an anonymous request. */
export interface Viewer {
  keyId: number;
  prefix: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/**
 * The role check every mutation (and admin query) starts with: no key → UNAUTHENTICATED, a lesser role →
 * FORBIDDEN. Roles are ordered: admin can do what an editor can, an editor what a reader can.
 * @returns the viewer, for audit entries.
 */
export function requireRole(viewer: Viewer | null, role: Role, what: string): Viewer {
  if (!viewer) {
    throw new UnauthenticatedError(
      `${what} needs an API key with the ${role} role: send "Authorization: Bearer <key>".`,
    );
  }
  if (RANK[viewer.role] < RANK[role]) {
    throw new ForbiddenError(
      `${what} needs the ${role} role; key ${viewer.prefix} has the ${viewer.role} role.`,
    );
  }
  return viewer;
}
