import { errorResponse } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

const unknownRoute = async (req: Request) =>
  errorResponse(404, 'not_found', `no API route ${req.method} ${new URL(req.url).pathname}`);

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
