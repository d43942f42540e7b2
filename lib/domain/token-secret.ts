import { createHash, randomBytes } from 'node:crypto';

/**
 * Token secrets: `fdk_` and 43 base64url characters (256 random bits). Only the sha256 of a secret is
 * stored; a secret is shown once, when the token is created. Server and CLI only (node:crypto).
 */
export const TOKEN_SECRET_PREFIX = 'fdk_';
const SECRET_PATTERN = /^fdk_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return `${TOKEN_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a presented value could be a secret at all (checked before any store lookup). */
export function isTokenSecretShape(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** The stored form of a secret: `sha256:<hex>`. */
export function hashTokenSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}
