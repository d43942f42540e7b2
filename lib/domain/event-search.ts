/** Client-side search over the events already loaded: every whitespace-separated term must appear. */

export interface SearchableEvent {
  seq: number;
  type: string;
  nodeId: string | null;
  at: string;
  data: Record<string, unknown>;
}

/** The lower-cased text an event is searched by: type (also with spaces), node, time and data JSON. */
export function eventText(e: SearchableEvent): string {
  return [e.type, e.type.replaceAll('_', ' '), e.nodeId ?? '', e.at, `#${e.seq}`, JSON.stringify(e.data)].join(' ').toLowerCase();
}

export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesSearch(e: SearchableEvent, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = eventText(e);
  return terms.every((t) => text.includes(t));
}

export function searchEvents<E extends SearchableEvent>(events: readonly E[], query: string): E[] {
  const terms = searchTerms(query);
  return terms.length === 0 ? [...events] : events.filter((e) => matchesSearch(e, terms));
}

/** A one-line summary of an event's data for the log: the fields worth seeing without expanding it. */
export function eventSummary(e: SearchableEvent): string {
  const d = e.data;
  const parts: string[] = [];
  if (typeof d.result === 'string') parts.push(`result ${d.result}`);
  if (typeof d.reason === 'string') parts.push(d.reason);
  if (typeof d.until === 'string') parts.push(`until ${d.until}`);
  if (typeof d.resumeAt === 'string') parts.push(`until ${d.resumeAt}`);
  if (typeof d.token === 'string') parts.push(`token ${d.token}`);
  if (d.staged && typeof d.staged === 'object') parts.push(`staged from ${Object.keys(d.staged).join(', ')}`);
  if (d.error !== undefined && d.error !== null) {
    const message =
      typeof d.error === 'object' && d.error && 'message' in d.error ? String((d.error as { message: unknown }).message) : JSON.stringify(d.error);
    parts.push(message);
  }
  if (typeof d.phase === 'string') parts.push(`phase ${d.phase}`);
  return parts.join(' · ');
}
