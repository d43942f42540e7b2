import type { NextRequest } from 'next/server';
import { apiGate } from '@/lib/server/api-gate';

/**
 * Runs before routing. Under /api: unknown paths (404), wrong methods (405 with Allow) and OPTIONS
 * (204 with Allow) are answered here in the error envelope; everything else goes on to its route.
 * Keep this a thin composition of gates that live in lib/.
 */
export function proxy(request: NextRequest): Response | undefined {
  if (request.nextUrl.pathname === '/api' || request.nextUrl.pathname.startsWith('/api/')) {
    return apiGate(request) ?? undefined;
  }
  return undefined;
}

export const config = {
  matcher: ['/api', '/api/:path*'],
};
