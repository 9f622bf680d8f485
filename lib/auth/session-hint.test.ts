import { describe, expect, it } from 'vitest';
import { sessionHintCookie, sessionHintFrom } from './session-hint';

describe('the session hint the server renders the first page from', () => {
  it('treats a browser without the cookie, or with an unknown value, as signed out', () => {
    expect(sessionHintFrom(undefined)).toBe('signed-out');
    expect(sessionHintFrom('yes')).toBe('signed-out');
    expect(sessionHintFrom('signed-in')).toBe('signed-in');
  });

  it('is a session cookie for this site only, Secure over https', () => {
    expect(sessionHintCookie('signed-in', true)).toBe(
      'tlp-session-hint=signed-in; Path=/; SameSite=Lax; Secure',
    );
    expect(sessionHintCookie('signed-out', false)).not.toMatch(/Expires|Max-Age|Secure/);
  });
});
