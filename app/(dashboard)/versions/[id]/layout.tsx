import type { ReactNode } from 'react';
import { routes } from '@/lib/routes';
import { decodedParam, requirePageCaller } from '@/lib/server/page-guard';

/**
 * Signs the visitor in before this segment's loading state streams, so an anonymous request gets a
 * plain redirect to the sign-in page (the page checks again: layouts are kept across navigations).
 */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requirePageCaller(routes.version(decodedParam((await params).id)));
  return children;
}
