import type { Role } from './roles';

/**
 * API tokens: names, expiry and state. Pure (the secret and its hash are in token-secret.ts, which needs
 * node:crypto and stays out of client bundles).
 */

/** A token's name is the commit actor of everything done with it. */
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const TOKEN_NAME_RULE = '1–64 letters, digits, . _ @ -, starting with a letter or digit';
/** Actors the system writes itself; a token may not take their names. */
export const RESERVED_ACTORS = ['local', 'system', 'anonymous'] as const;

export function tokenNameProblem(name: string): string | null {
  if (!TOKEN_NAME_PATTERN.test(name)) return `a token name is ${TOKEN_NAME_RULE}`;
  if ((RESERVED_ACTORS as readonly string[]).includes(name.toLowerCase())) return `"${name}" is reserved for the system's own commits`;
  return null;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;
export const DURATION_PATTERN = /^([1-9]\d{0,5})([mhdwy])$/;
/** No token lives longer than this (ten years); a shorter life is always better. */
export const MAX_TOKEN_LIFETIME_MS = 10 * UNIT_MS.y;

/** `30d` → milliseconds (m, h, d, w, y); null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export interface ExpiryInput {
  /** A duration from now: `30d`, `12h`, `90m`, `2w`, `1y`. */
  expiresIn?: string;
  /** An absolute ISO time. */
  expiresAt?: string;
}

/** When a new token expires (null: never), or the problem with the request. */
export function resolveExpiry(input: ExpiryInput, now: Date): { expiresAt: Date | null } | { problem: string } {
  if (input.expiresIn !== undefined && input.expiresAt !== undefined) return { problem: 'give expiresIn or expiresAt, not both' };
  let at: Date | null = null;
  if (input.expiresIn !== undefined) {
    const ms = parseDuration(input.expiresIn);
    if (ms === null) return { problem: 'expiresIn must be a number and a unit: m, h, d, w or y (e.g. 30d)' };
    at = new Date(now.getTime() + ms);
  } else if (input.expiresAt !== undefined) {
    at = new Date(input.expiresAt);
    if (Number.isNaN(at.getTime())) return { problem: 'expiresAt must be an ISO date-time' };
    if (at.getTime() <= now.getTime()) return { problem: 'expiresAt must be in the future' };
  }
  if (at && at.getTime() - now.getTime() > MAX_TOKEN_LIFETIME_MS) return { problem: 'a token may live at most 10 years' };
  return { expiresAt: at };
}

export const TOKEN_STATES = ['active', 'expired', 'revoked'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export interface TokenFacts {
  revokedAt: Date | string | null;
  expiresAt: Date | string | null;
}

const time = (v: Date | string) => (typeof v === 'string' ? Date.parse(v) : v.getTime());

/** Revoked wins over expired; a token is expired from its expiry instant on. */
export function tokenState(t: TokenFacts, now: Date): TokenState {
  if (t.revokedAt !== null) return 'revoked';
  if (t.expiresAt !== null && time(t.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** How often a token's last-used time is written at most. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a successful request should record the token's use now. */
export function shouldRecordUse(lastUsedAt: Date | string | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - time(lastUsedAt) >= LAST_USED_RESOLUTION_MS;
}

/** A token as the API shows it: never the secret, never its hash. */
export interface TokenDto {
  id: string;
  name: string;
  role: Role;
  state: TokenState;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreateTokenInput extends ExpiryInput {
  name: string;
  role: Role;
}

export interface CreatedToken {
  token: TokenDto;
  /** Shown once: only its hash is stored. */
  secret: string;
}
