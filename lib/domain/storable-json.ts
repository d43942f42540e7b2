/**
 * What PostgreSQL cannot store of a JSON value that JavaScript parsed fine: a NUL character (text and
 * jsonb refuse `\u0000`), an unpaired UTF-16 surrogate (jsonb refuses `\ud800` without its pair), and
 * nesting deeper than a sane limit (the server's stack depth, and our own recursive code).
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate';
  return null;
}

/**
 * The first place where a parsed JSON value cannot be stored, as `{ path, problem }`, or null.
 * Iterative, so a hostile nesting cannot overflow the stack here.
 */
export function storableJsonProblem(value: unknown, maxDepth: number): { path: string; problem: string } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path || '(body)', problem };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return { path: item.path || '(body)', problem: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => {
        stack.push({ value: child, path: item.path ? `${item.path}.${i}` : String(i), depth: item.depth + 1 });
      });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: item.path || '(body)', problem: `has a key that ${keyProblem}` };
      stack.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1 });
    }
  }
  return null;
}
