/** The quality an `Accept` header gives a media type (exact match, then `type/*`, then `*\/*`); 0 when it is not acceptable. */
export function acceptQuality(accept: string | null, mediaType: string): number {
  if (!accept) return 0;
  const [type] = mediaType.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const entry of accept.split(',')) {
    const [range = '', ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    const specificity = range === mediaType ? 2 : range === `${type}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= bestSpecificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    bestSpecificity = specificity;
    best = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  }
  return Math.max(0, best);
}

/** The request prefers plain text to JSON: text/plain is acceptable and ranked above application/json. */
export function prefersPlainText(accept: string | null): boolean {
  const text = acceptQuality(accept, 'text/plain');
  return text > 0 && text > acceptQuality(accept, 'application/json');
}
