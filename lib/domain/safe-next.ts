/**
 * Where to go after signing in: only a path of this app (`/runs?phase=running`), never another site.
 * Absolute URLs, protocol-relative `//host`, backslash tricks, control characters and the sign-in page
 * itself fall back to the default.
 */
export const SIGN_IN_PATH = '/sign-in';
export const DEFAULT_AFTER_SIGN_IN = '/runs';

export function safeNextPath(raw: string | string[] | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // Control characters and whitespace (browsers strip tabs and newlines: "/\t/evil.example").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is what this test is for
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, 'http://flowdeck.invalid');
  } catch {
    return fallback;
  }
  if (parsed.origin !== 'http://flowdeck.invalid') return fallback;
  if (parsed.pathname === SIGN_IN_PATH || parsed.pathname.startsWith(`${SIGN_IN_PATH}/`)) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
