import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { LogBuffer } from '@/lib/api/log-buffer';
import { findLogMatches, type LogMatch } from '@/lib/domain/log-view';

const NONE: readonly LogMatch[] = [];

/**
 * Search inside one log: every match in the lines loaded so far (the rest of the log loads behind it and
 * the matches follow), and the match the viewer is on, moved with next and previous (wrapping around).
 */
export function useLogFind(buffer: LogBuffer, loaded: number) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the buffer is filled in place; `loaded` says when
  const matches = useMemo(() => (deferred === '' ? NONE : findLogMatches(buffer.plainTexts(), deferred)), [buffer, loaded, deferred]);
  const [picked, setPicked] = useState({ query: '', index: -1 });
  // A new query starts at its first match; more lines loading keep the one the viewer is on.
  const current = matches.length === 0 ? -1 : picked.query === deferred ? Math.min(Math.max(picked.index, 0), matches.length - 1) : 0;
  const currentRef = useRef(current);
  currentRef.current = current;

  const step = useCallback(
    (by: 1 | -1) => {
      if (matches.length === 0) return;
      setPicked({ query: deferred, index: (currentRef.current + by + matches.length) % matches.length });
    },
    [matches.length, deferred],
  );
  return {
    query,
    setQuery,
    matches,
    current,
    /** The query the matches are for lags the input while a big log is searched. */
    searching: query !== deferred,
    next: useCallback(() => step(1), [step]),
    previous: useCallback(() => step(-1), [step]),
  };
}
