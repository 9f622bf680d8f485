// Entra's device authorization grant on the Entra-shaped endpoints, on oidc-provider's deviceFlow:
//   POST /{tenant}/oauth2/v2.0/devicecode  → user_code, device_code, verification_uri, expires_in,
//                                             interval, message (no verification_uri_complete)
//   POST /{tenant}/oauth2/v2.0/token       grant_type=urn:ietf:params:oauth:grant-type:device_code
//        → authorization_pending (AADSTS70016) until the user approves, expired_token (AADSTS70019)
//          after expires_in (15 minutes by default, as Entra).
// Sources: Microsoft identity platform "OAuth 2.0 device authorization grant flow" (request,
// response fields, polling errors) and "Microsoft Entra authentication and authorization error
// codes" (70016 AuthorizationPending, 70019 CodeExpired).
import type { KoaContextWithOIDC } from 'oidc-provider';
import { deviceCodePage, deviceConfirmPage, deviceSignedInPage } from '../oidc/pages';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceCodeOptions {
  /** How long a code may wait for its user (Entra: 900 s). */
  lifetimeSeconds?: number;
  /** How long a client waits between polls (Entra: 5 s). */
  intervalSeconds?: number;
}

export const DEVICE_CODE_DEFAULTS = { lifetimeSeconds: 900, intervalSeconds: 5 };

const PENDING =
  'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.';
const EXPIRED = 'AADSTS70019: Verification code expired.';

/** oidc-provider's `features.deviceFlow`, with the demo tenant's own pages. */
export function deviceFlowFeature() {
  return {
    enabled: true,
    // Entra's codes are letters and digits without separators (e.g. "YZMYLD4K").
    charset: 'base-20' as const,
    mask: '********',
    userCodeInputSource: async (
      ctx: KoaContextWithOIDC,
      form: string,
      _out?: unknown,
      error?: Error & { userCode?: string },
    ) => {
      ctx.type = 'html';
      ctx.body = deviceCodePage(form, error ? messageFor(error) : undefined);
    },
    userCodeConfirmSource: async (
      ctx: KoaContextWithOIDC,
      form: string,
      client: { clientName?: string; clientId: string },
      _deviceInfo: unknown,
      userCode: string,
    ) => {
      ctx.type = 'html';
      ctx.body = deviceConfirmPage(form, client.clientName ?? client.clientId, userCode);
    },
    successSource: async (ctx: KoaContextWithOIDC) => {
      ctx.type = 'html';
      const client = ctx.oidc.client;
      ctx.body = deviceSignedInPage(client?.clientName ?? client?.clientId ?? 'the app');
    },
  };
}

function messageFor(error: Error & { userCode?: string }): string {
  if (error.name === 'NotFoundError' || error.name === 'NoCodeError')
    return 'That code is not right. Check the code in your terminal and try again.';
  if (error.name === 'ExpiredError')
    return 'That code has expired. Start the sign-in on your device again for a new code.';
  if (error.name === 'AlreadyUsedError') return 'That code has already been used.';
  if (error.name === 'AbortedError') return 'The sign-in was cancelled.';
  return 'Something went wrong with this code. Start the sign-in on your device again.';
}

/**
 * Device codes handed out, by code, with when they expire: oidc-provider's memory store forgets an
 * expired code (its answer would then be `invalid_grant`), Entra still says `expired_token`.
 */
export class DeviceCodes {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issued(deviceCode: string, expiresInSeconds: number): void {
    const now = this.now();
    for (const [code, at] of this.expiries) if (at < now - 3600_000) this.expiries.delete(code);
    this.expiries.set(deviceCode, now + expiresInSeconds * 1000);
  }

  /** The answer for a poll with an expired code, before oidc-provider sees it. */
  expiredAnswer(form: URLSearchParams) {
    if (form.get('grant_type') !== DEVICE_CODE_GRANT) return undefined;
    const at = this.expiries.get(form.get('device_code') ?? '');
    if (at === undefined || at > this.now()) return undefined;
    return { error: 'expired_token', error_description: EXPIRED, error_codes: [70019] };
  }

  /** Koa middleware: Entra's device authorization response and polling errors. */
  middleware(intervalSeconds: number, verificationUri: (ctx: KoaContextWithOIDC) => string) {
    return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
      await next();
      const route = ctx.oidc?.route;
      const body = ctx.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object') return;
      if (route === 'device_authorization' && ctx.status === 200) {
        const uri = verificationUri(ctx);
        const expiresIn = Number(body.expires_in);
        this.issued(String(body.device_code), expiresIn);
        ctx.body = {
          user_code: body.user_code,
          device_code: body.device_code,
          verification_uri: uri,
          expires_in: expiresIn,
          interval: intervalSeconds,
          message: `To sign in, use a web browser to open the page ${uri} and enter the code ${String(body.user_code)} to authenticate.`,
        };
      } else if (route === 'token' && body.error === 'authorization_pending') {
        ctx.body = { ...body, error_description: PENDING, error_codes: [70016] };
      } else if (route === 'token' && body.error === 'expired_token') {
        ctx.body = { ...body, error_description: EXPIRED, error_codes: [70019] };
      }
    };
  }
}
