import { useCallback, useEffect, useRef, useState } from 'react';

export interface TextFilterOptions {
  /** The value in the URL now ('' when unset). */
  urlValue: string;
  /** Cleans what was typed; null when it cannot be a filter value (not applied, shown as invalid). */
  clean(text: string): string | null;
  /** Applies a cleaned value (navigates). */
  commit(value: string): void;
  delayMs?: number;
}

/**
 * A text box bound to a URL filter: typing applies after a pause (or at once with `flush`), and the box
 * follows the URL when something else changes it (clear filters, back button) without losing keystrokes
 * typed while its own change was on the way.
 */
export function useRunListTextFilter({ urlValue, clean, commit, delayMs = 300 }: TextFilterOptions) {
  const [text, setText] = useState(urlValue);
  const committed = useRef(urlValue);
  const commitRef = useRef(commit);
  const cleanRef = useRef(clean);
  useEffect(() => {
    commitRef.current = commit;
    cleanRef.current = clean;
  });

  useEffect(() => {
    // Our own change coming back is not news; anything else replaces the text.
    if (urlValue !== committed.current) {
      committed.current = urlValue;
      setText(urlValue);
    }
  }, [urlValue]);

  // Reads refs only, so it never changes: the debounce below restarts on new text, not on every render.
  const apply = useCallback((value: string) => {
    const cleaned = cleanRef.current(value);
    if (cleaned === null || cleaned === committed.current) return;
    committed.current = cleaned;
    commitRef.current(cleaned);
  }, []);

  useEffect(() => {
    const t = setTimeout(() => apply(text), delayMs);
    return () => clearTimeout(t);
  }, [text, delayMs, apply]);

  return {
    text,
    setText,
    invalid: clean(text) === null,
    /** Applies the text now (Enter), or a new text (a clear button). */
    flush: (value = text) => {
      setText(value);
      apply(value);
    },
  };
}
