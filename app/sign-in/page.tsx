import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInScreen } from '@/components/auth/sign-in-screen';
import { safeNextPath } from '@/lib/domain/safe-next';
import { getPageSession } from '@/lib/server/page-guard';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Sign in with an API token. Signed in already (or authentication off): straight on to `next`. */
export default async function SignInPage({ searchParams }: SignInPageProps) {
  const next = safeNextPath((await searchParams).next);
  const session = await getPageSession();
  if (session.caller) redirect(next);
  const blockedHost = session.hostAllowed ? null : ((await headers()).get('host') ?? '');
  return <SignInScreen next={next} blockedHost={blockedHost} />;
}
