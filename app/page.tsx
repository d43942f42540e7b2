import { redirect } from 'next/navigation';
import { routes } from '@/lib/routes';

/**
 * `/` → `/runs`. Kept outside the (dashboard) group: there its loading.tsx would wrap this page in
 * Suspense, the shell would stream first, and the redirect would arrive as a client-side refresh with a 200.
 */
export default function HomePage() {
  redirect(routes.runs());
}
