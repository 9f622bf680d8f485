// Every page gets a fresh nonce and a CSP that allows only scripts carrying it (Next reads the nonce
// from the request's CSP header and puts it on its own scripts). Pages render per request for this.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/auth/content-security-policy';
import { getAuthSettings } from './lib/auth/settings';

const settings = getAuthSettings();
const isDev = process.env.NODE_ENV !== 'production';

export function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(settings, { nonce, isDev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Static chunks and prefetches need no CSP of their own (the page that loads them has one).
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
