/** API token roles, weakest first. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** What each role may do, for help texts (the rules themselves are the endpoints' access). */
export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: 'read everything',
  operator: 'read; cancel, pause, resume and upgrade runs; register, edit, drain and sunset (safe or drain) versions',
  admin: 'everything: also tokens, forced sunset and deleting versions',
};
