/**
 * What a failed write means to the operator, from the error body's code and fields (never its text).
 * A `conflict` naming `expected` and `actual` row versions is a stale write: someone else changed the
 * entity first, and the fix is to reload. Other conflicts are refusals whose message says why.
 */
export interface WriteErrorInput {
  code: string;
  message: string;
  details: Readonly<Record<string, unknown>>;
}

export interface WriteErrorText {
  title: string;
  message: string;
  /** The entity changed under the user: show it again before they retry. */
  stale: boolean;
}

export function isStaleWrite(e: Pick<WriteErrorInput, 'code' | 'details'>): boolean {
  return e.code === 'conflict' && typeof e.details.expected === 'number' && typeof e.details.actual === 'number';
}

export function writeErrorText(e: WriteErrorInput): WriteErrorText {
  if (isStaleWrite(e)) {
    return { title: 'Changed by someone else', message: 'It changed since you loaded it. Reload to see the latest state, then try again.', stale: true };
  }
  switch (e.code) {
    case 'version_has_active_runs':
      return { title: 'Still has active runs', message: e.message, stale: false };
    case 'incompatible':
      return { title: 'Not compatible', message: e.message, stale: false };
    case 'version_not_accepting_runs':
      return { title: 'Target accepts no runs', message: e.message, stale: false };
    case 'invalid_transition':
      return { title: 'Not possible in this state', message: e.message, stale: false };
    case 'network_error':
      return { title: 'Server unreachable', message: e.message, stale: false };
    default:
      return { title: 'Could not save', message: e.message, stale: false };
  }
}
