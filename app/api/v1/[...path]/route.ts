import { gateResponse } from '@/lib/server/api-gate';

export const dynamic = 'force-dynamic';

/** No endpoint has this path (the proxy answers first; this is the fallback without it). */
const unknownRoute = async (req: Request) => gateResponse({ kind: 'not_found' }, req);

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
