import { Logo } from '@/components/shell/logo';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { Callout } from '@/components/ui/callout';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { SignInForm } from './sign-in-form';

export interface SignInScreenProps {
  /** Where to go after signing in (already checked to be a path of this app). */
  next: string;
  /** Authentication is off, but the request came under a non-loopback name: nothing is served. */
  blockedHost: string | null;
}

/** The sign-in page: a token field, or why this address is not served. */
export function SignInScreen({ next, blockedHost }: SignInScreenProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 px-4 py-16">
      <Logo />
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-lg font-semibold tracking-tight">{blockedHost === null ? 'Sign in' : 'Not served at this address'}</h1>
          <CardDescription>
            {blockedHost === null ? 'This Flowdeck server requires an API token.' : 'Authentication is off on this server because it listens on loopback only.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {blockedHost === null ? (
            <SignInForm next={next} />
          ) : (
            <Callout tone="warning" data-testid="host-blocked">
              You reached it as <span className="font-mono">{blockedHost}</span>. Open it on this machine as <span className="font-mono">127.0.0.1</span> or{' '}
              <span className="font-mono">localhost</span>, or, if it is meant to be reachable under this name, restart it with{' '}
              <span className="font-mono">FLOWDECK_AUTH=required</span>.
            </Callout>
          )}
        </CardContent>
      </Card>
      <ThemeToggle />
    </main>
  );
}
