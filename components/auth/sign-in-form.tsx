'use client';

import { KeyRound, LoaderCircle } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field, Input } from '@/components/ui/field';
import { fetchJson, isApiError } from '@/lib/api/fetch-json';
import type { SessionInfo } from '@/lib/contract/session';
import { routes } from '@/lib/routes';

/**
 * The token field. The token goes in a POST body (never a URL); the server answers with a session
 * cookie and the token itself is not kept in the browser. A full page load follows, so every page
 * renders for the new session.
 */
export function SignInForm({ next }: { next: string }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await fetchJson<SessionInfo>(routes.api.session(), { method: 'POST', json: { token: token.trim() } });
      window.location.assign(next);
    } catch (err) {
      setError(isApiError(err) ? `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.` : 'The server could not be reached.');
      setBusy(false);
    }
  };

  return (
    // method=post: even before the script loads, a submitted token never lands in the address bar.
    <form method="post" onSubmit={submit} className="space-y-4" data-testid="sign-in-form">
      <Field
        label="API token"
        htmlFor="sign-in-token"
        hint={
          <>
            An admin creates one with <span className="font-mono whitespace-nowrap">npx flowdeck token create</span>.
          </>
        }
      >
        <Input
          id="sign-in-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="fdk_…"
          value={token}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setToken(e.target.value);
            setError(null);
          }}
          className="font-mono"
        />
      </Field>
      {error && (
        <Callout tone="danger" role="alert" title="Not signed in" data-testid="sign-in-error">
          {error}
        </Callout>
      )}
      <Button type="submit" size="lg" className="w-full" disabled={busy || !token.trim()}>
        {busy ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <KeyRound aria-hidden className="size-4" />}
        Sign in
      </Button>
      <p className="text-xs leading-relaxed text-muted-foreground">
        The token is exchanged for a session cookie that scripts cannot read; the token itself is not stored in this browser. The session ends after 12 hours,
        when you sign out, or when the token is revoked.
      </p>
    </form>
  );
}
