import fc from 'fast-check';
import type { Access } from '@/lib/contract/endpoint-spec';
import { createToken } from '@/lib/control/tokens';
import type { Db } from '@/lib/db/client';
import { ROLES, type Role, roleAllows } from '@/lib/domain/roles';

/**
 * Authentication cases of the hostile-input suite. Every generated request carries one of these
 * (`Authorization: Bearer fdk_…`, a session cookie, or nothing). The suite runs with
 * FLOWDECK_AUTH=required and real tokens of every role in the seeded store, and asserts 401 for
 * missing, malformed, unknown and expired tokens and 403 for a role below the endpoint's access.
 */
async function mint(db: Db, role: Role, options: { name: string; expiresAt?: Date }): Promise<string> {
  // An expired token is made "an hour ago" with a lifetime that has ended since.
  const now = options.expiresAt ? new Date(options.expiresAt.getTime() - 3_600_000) : new Date();
  const expiry = options.expiresAt ? { expiresAt: options.expiresAt.toISOString() } : {};
  return (await createToken(db, 'local', { name: options.name, role, ...expiry }, now)).secret;
}

export type AuthCaseKind = 'none' | 'malformed' | 'unknown' | 'expired' | 'session-garbage' | 'valid';

export interface AuthCase {
  kind: AuthCaseKind;
  headers: Record<string, string>;
  /** The role of a valid token. */
  role?: Role;
}

export interface AuthFixture {
  /** True when the suite runs with FLOWDECK_AUTH=required and real tokens. */
  enforced: boolean;
  valid: Partial<Record<Role, string>>;
  expired?: string;
}

/** Mints the suite's tokens: one valid token per role and an expired admin token. */
export async function prepareAuth(db: Db): Promise<AuthFixture> {
  const valid: Partial<Record<Role, string>> = {};
  for (const role of ROLES) valid[role] = await mint(db, role, { name: `hostile-${role}` });
  const expired = await mint(db, 'admin', { name: 'hostile-expired', expiresAt: new Date(Date.now() - 60_000) });
  return { enforced: true, valid, expired };
}

const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const MALFORMED = [
  'Bearer',
  'Bearer ',
  'bearer fdk_',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer fdk_\t',
  'Token fdk_abc',
  'Bearer  fdk_abc',
  'Bearer fdk_abc fdk_def',
  "Bearer fdk_' or 1=1 --",
];

export function authCaseArb(fixture: AuthFixture): fc.Arbitrary<AuthCase> {
  const cases: fc.Arbitrary<AuthCase>[] = [
    fc.constant({ kind: 'none', headers: {} }),
    fc
      .oneof(
        fc.constantFrom(...MALFORMED),
        latin1.map((s) => `Bearer ${s}`),
        latin1,
      )
      .map((value) => ({ kind: 'malformed' as const, headers: { authorization: value } })),
    fc
      .oneof(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 1, maxLength: 64 }), fc.constant('x'.repeat(5000)))
      .map((secret) => ({
        kind: 'unknown' as const,
        headers: { authorization: `Bearer fdk_${secret}` },
      })),
    latin1.map((value) => ({ kind: 'session-garbage' as const, headers: { cookie: `flowdeck_session=${encodeURIComponent(value)}` } })),
  ];
  if (fixture.expired) cases.push(fc.constant({ kind: 'expired', headers: { authorization: `Bearer ${fixture.expired}` } }));
  const valid = Object.entries(fixture.valid) as [Role, string][];
  if (valid.length)
    cases.push(fc.constantFrom(...valid).map(([role, token]) => ({ kind: 'valid' as const, role, headers: { authorization: `Bearer ${token}` } })));
  // Most requests carry valid credentials (or none when authentication is off) so they reach the handler.
  return fc.oneof({ weight: 6, arbitrary: valid.length ? cases.at(-1)! : cases[0]! }, ...cases.map((arbitrary) => ({ weight: 1, arbitrary })));
}

/** The status the auth case must get on an endpoint of this access, or null when the handler decides. */
export function expectedAuthStatus(auth: AuthCase, access: Access, fixture: AuthFixture): 401 | 403 | null {
  if (!fixture.enforced || access === 'public') return null;
  if (auth.kind !== 'valid') return 401;
  return auth.role && roleAllows(auth.role, access) ? null : 403;
}
