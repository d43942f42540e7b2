import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';
import { DURATION_PATTERN, TOKEN_NAME_PATTERN, TOKEN_NAME_RULE } from '@/lib/domain/tokens';
import { ulidId } from './schemas';

/** Request schemas of the token and session endpoints. */
export const TokenId = ulidId('tok');
export const TokenParams = z.object({ id: TokenId });

export const CreateTokenBody = z
  .strictObject({
    name: z.string().regex(TOKEN_NAME_PATTERN, TOKEN_NAME_RULE),
    role: z.enum(ROLES),
    /** A duration from now: 30d, 12h, 90m, 2w, 1y. */
    expiresIn: z.string().regex(DURATION_PATTERN, 'a number and a unit: m, h, d, w or y (e.g. 30d)').optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.expiresIn === undefined || b.expiresAt === undefined, { message: 'give expiresIn or expiresAt, not both', path: ['expiresAt'] });

/** Sign in to the dashboard with a token (sent in the body, never in a URL). */
export const SignInBody = z.strictObject({ token: z.string().min(1).max(200) });
