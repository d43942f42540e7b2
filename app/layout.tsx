import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getPageSession } from '@/lib/server/page-guard';
import { Providers } from './providers';
import './globals.css';

const FAVICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6.5" fill="#5b4ee6"/>' +
      '<path d="M8.6 7.6c3.4 0 3.2 4.4 6.6 4.4M8.6 16.4c3.4 0 3.2-4.4 6.6-4.4" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>' +
      '<circle cx="7" cy="7.6" r="2" fill="#fff"/><circle cx="7" cy="16.4" r="2" fill="#fff"/><circle cx="17" cy="12" r="2.3" fill="#fff"/></svg>',
  );

export const metadata: Metadata = {
  title: { default: 'Flowdeck', template: '%s · Flowdeck' },
  description: 'Observability dashboard and control plane for durable workflow runs.',
  icons: { icon: FAVICON },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fcfcfd' },
    { media: '(prefers-color-scheme: dark)', color: '#141519' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Per request: who is signed in, for the shell and for every action control (pages check it themselves).
  const { authRequired, caller } = await getPageSession();
  // next-themes sets the `dark` class on <html> from an inline script before first paint, hence the warning opt-out.
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers session={{ authRequired, caller }}>{children}</Providers>
      </body>
    </html>
  );
}
