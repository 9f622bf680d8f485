// Every page gets its Content-Security-Policy here, per request: a fresh script nonce (which Next
// puts on its own inline scripts) and the connect-src of this deployment's tenant, read at run time.
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthSettings } from './lib/auth/settings';
import { contentSecurityPolicy } from './lib/security/csp';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(
    getAuthSettings(),
    nonce,
    process.env.NODE_ENV === 'development',
  );
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
