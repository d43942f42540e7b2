/**
 * Masking of secret values in step output before it leaves the runner.
 *
 * A variable is "marked secret" when its name is listed in FLOWDECK_SECRET_ENV (comma-separated names), or
 * when its name ends in one of SECRET_NAME_SUFFIXES (case-insensitive): `GITHUB_TOKEN`, `DB_PASSWORD`,
 * `AWS_SECRET_ACCESS_KEY`… The runner's own FLOWDECK_TOKEN is always a secret. Values shorter than
 * MIN_SECRET_CHARS are not masked (masking "1" or "yes" would hide ordinary output and protect nothing);
 * a multi-line value is masked line by line, since logs are kept and masked as lines.
 */

export const MASK = '***';
/** The shortest value (per line of a multi-line value, after trimming) that is masked. */
export const MIN_SECRET_CHARS = 6;
/** Name endings that mark a variable secret. */
export const SECRET_NAME_SUFFIXES = ['_TOKEN', '_SECRET', '_PASSWORD', '_KEY'] as const;
/** The variable listing more secret names, comma-separated. */
export const SECRET_ENV_LIST = 'FLOWDECK_SECRET_ENV';

/** The names FLOWDECK_SECRET_ENV lists: comma- or space-separated, blanks ignored. */
export function listedSecretNames(list: string | undefined): string[] {
  return (list ?? '')
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

/** Whether a variable is marked secret: listed, or its name ends in a secret suffix. */
export function isSecretName(name: string, listed: readonly string[] = []): boolean {
  if (listed.includes(name)) return true;
  const upper = name.toUpperCase();
  return SECRET_NAME_SUFFIXES.some((suffix) => upper.endsWith(suffix) && upper.length > suffix.length);
}

/**
 * The values to mask: those of the variables marked secret in `env`, plus `extra` (the runner's token),
 * split into lines, trimmed, without those shorter than MIN_SECRET_CHARS, longest first, each once.
 */
export function secretValues(env: Readonly<Record<string, string | undefined>>, extra: readonly (string | undefined)[] = []): string[] {
  const listed = listedSecretNames(env[SECRET_ENV_LIST]);
  const values = Object.entries(env)
    .filter(([name, value]) => value !== undefined && isSecretName(name, listed))
    .map(([, value]) => value as string);
  const parts = new Set<string>();
  for (const value of [...values, ...extra]) {
    if (value === undefined) continue;
    for (const line of value.split(/\r?\n/)) {
      const part = line.trim();
      if (part.length >= MIN_SECRET_CHARS) parts.add(part);
    }
  }
  return [...parts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function replacing every occurrence of the values by MASK in a line (or any text). The longest value
 * wins where values overlap. With no values it returns its input unchanged.
 */
export function secretMasker(values: readonly string[]): (text: string) => string {
  const usable = [...new Set(values.filter((v) => v.length > 0))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return (text) => text;
  const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'g');
  // A cheap pre-check: most lines hold no secret, and includes() on the shortest prefix skips the regex.
  const probes = [...new Set(usable.map((v) => v.slice(0, MIN_SECRET_CHARS)))];
  return (text) => (probes.some((p) => text.includes(p)) ? text.replace(pattern, MASK) : text);
}
