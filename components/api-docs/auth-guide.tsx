import { KeyRound, TriangleAlert } from 'lucide-react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { SESSION_COOKIE } from '@/lib/api/openapi';

const ENVELOPE = `{
  "error": {
    "code": "invalid_input",
    "message": "invalid input: limit: …",
    "fields": { "limit": ["…"] }
  }
}`;

const CURL = 'curl -H "Authorization: Bearer $FLOWDECK_TOKEN" "$FLOWDECK_URL/api/v1/runs?limit=5"';

/** How to call the API: the bearer token, roles, and the error envelope. */
export function AuthGuide() {
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="auth-guide">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <KeyRound aria-hidden className="size-4 text-primary" />
            Authenticate
          </CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm text-muted-foreground">
          <p>
            Send an API token as <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">Authorization: Bearer fdk_…</code>. The
            dashboard uses its <code className="font-mono text-xs">{SESSION_COOKIE}</code> cookie instead.
          </p>
          <div className="flex items-start gap-2 rounded-lg border bg-muted/40 p-2.5">
            <code className="min-w-0 flex-1 font-mono text-xs break-all text-foreground" data-testid="curl-example">
              {CURL}
            </code>
            <CopyButton value={CURL} label="Copy the curl example" />
          </div>
          <p>
            Each endpoint names the weakest role it needs: <strong className="font-medium text-foreground">viewer</strong> reads,{' '}
            <strong className="font-medium text-foreground">operator</strong> also cancels, upgrades, drains and sunsets,{' '}
            <strong className="font-medium text-foreground">admin</strong> also deletes, forces and manages tokens. <em>public</em> needs no token. A loopback
            install without <code className="font-mono text-xs">FLOWDECK_AUTH=required</code> lets local callers in.
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <TriangleAlert aria-hidden className="size-4 text-warning" />
            Errors and limits
          </CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm text-muted-foreground">
          <pre className="overflow-x-auto rounded-lg border bg-muted/40 p-2.5 font-mono text-xs leading-5 text-foreground">{ENVELOPE}</pre>
          <p>
            Every error has this shape; detect it by <code className="font-mono text-xs">code</code>, never by message. A wrong method is a 405 with{' '}
            <code className="font-mono text-xs">Allow</code>; an internal error says only &ldquo;internal server error&rdquo; with a{' '}
            <code className="font-mono text-xs">requestId</code> that is in the server log. Every response carries{' '}
            <code className="font-mono text-xs">X-Request-Id</code>.
          </p>
          <p>
            Writes name the row version they expect (<code className="font-mono text-xs">expectedVersion</code> or{' '}
            <code className="font-mono text-xs">If-Match</code>); a stale one is a 409 with the expected and actual versions. Bodies past their limit are a 413.
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
