// Tokens for Graph: silently from the cache or a refresh token, and only when that fails, one
// interactive prompt. A popup keeps the page (and any unsaved form) alive; a redirect is the fallback.
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';

/**
 * `rejected`: a token Graph has just answered 401 to. MSAL would hand the same cached, unexpired
 * token out again (forever, reload after reload): it is refreshed instead, and when even that
 * fails the admin is asked to sign in once.
 */
export type AccessTokenSource = ((
  scopes: string[],
  options?: { rejected?: string },
) => Promise<string>) & {
  /**
   * Sign-out has begun: no token is asked for any more, from the cache, a hidden frame or a
   * prompt. A request still loading the tenant would otherwise find the session being cleared,
   * open a prompt and take MSAL's one interaction from the sign-out (or leave a response behind
   * that the page read as a sign-in it never started).
   */
  endSession: () => void;
};

export interface TokenSourceOptions {
  /** Told before an interactive prompt, e.g. to explain why the admin is asked again. */
  onInteraction?: (scopes: string[]) => void;
  /** Told when that prompt is over: `granted` when it gave a token (consent approved). */
  onInteractionEnd?: (scopes: string[], granted: boolean) => void;
  /** A silent token call that gets no answer in this time fails (it never waits for minutes). */
  timeoutMs?: () => number;
}

export const TOKEN_TIMEOUT_MS = 30_000;

export class SessionEndedError extends Error {
  constructor() {
    super('You are signing out: this page asks for no more tokens.');
    this.name = 'SessionEndedError';
  }
}

export class TokenTimeoutError extends Error {
  constructor(ms: number) {
    super(
      `Signing in did not answer in ${Math.round(ms / 1000)} s — check your connection, then Try again.`,
    );
    this.name = 'TokenTimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TokenTimeoutError(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  // A refresh token that does not cover a newly asked scope (incremental consent) fails with
  // invalid_scope / invalid_grant, not "interaction required": a prompt is still the way out.
  const code = (error as { errorCode?: string })?.errorCode ?? '';
  return [
    'invalid_grant',
    'invalid_scope',
    'no_tokens_found',
    'no_account_error',
    'consent_required',
    'login_required',
  ].includes(code);
}

function popupUnavailable(error: unknown): boolean {
  const code = error instanceof BrowserAuthError ? error.errorCode : '';
  return code === 'popup_window_error' || code === 'empty_window_error';
}

/** MSAL renews a token this long before it expires (its tokenRenewalOffsetSeconds default). */
const RENEWAL_OFFSET_MS = 300_000;

interface KeptToken {
  token: string;
  expiresAt: number;
}

const stillFresh = (held: KeptToken) => held.expiresAt - Date.now() > RENEWAL_OFFSET_MS;

function keep(
  kept: Map<string, KeptToken>,
  key: string,
  result: { accessToken: string; expiresOn: Date | null },
) {
  // Without an expiry there is nothing to trust: MSAL is asked every time, as before.
  if (result.expiresOn) kept.set(key, { token: result.accessToken, expiresAt: +result.expiresOn });
  else kept.delete(key);
}

export function createAccessTokenSource(
  pca: IPublicClientApplication,
  options: TokenSourceOptions = {},
): AccessTokenSource {
  let interactive: Promise<string> | undefined;
  let ended = false;

  const interactively = (scopes: string[], account: AccountInfo | null): Promise<string> => {
    if (ended) return Promise.reject(new SessionEndedError());
    // Concurrent callers share one prompt rather than opening several popups.
    interactive ??= (async () => {
      options.onInteraction?.(scopes);
      try {
        const result = await pca.acquireTokenPopup({ scopes, account: account ?? undefined });
        pca.setActiveAccount(result.account);
        options.onInteractionEnd?.(scopes, true);
        return result.accessToken;
      } catch (error) {
        if (popupUnavailable(error)) {
          await pca.acquireTokenRedirect({
            scopes,
            account: account ?? undefined,
            redirectUri: `${window.location.origin}/`,
          });
        }
        // A closed or failed prompt: its explanation must not stay on screen either.
        options.onInteractionEnd?.(scopes, false);
        throw error;
      }
    })().finally(() => {
      interactive = undefined;
    });
    return interactive;
  };

  // A page start asks for the same token several times at once: one renewal serves them all.
  const silent = new Map<string, Promise<string>>();
  // And then once per Graph call: MSAL's silent call reads and parses its whole cache each time
  // (tens of milliseconds on a slow laptop, for every page of a listing). The token it gave is
  // kept here, per account and scopes, for as long as MSAL itself would hand it out unrenewed.
  const kept = new Map<string, KeptToken>();

  const silently = (scopes: string[], account: AccountInfo, forceRefresh: boolean) => {
    const scopeKey = `${account.homeAccountId} ${[...scopes].sort().join(' ')}`;
    const held = kept.get(scopeKey);
    if (!forceRefresh && held && stillFresh(held)) return Promise.resolve(held.token);
    const key = `${forceRefresh ? 'fresh:' : ''}${scopeKey}`;
    let pending = silent.get(key);
    if (!pending) {
      pending = withTimeout(
        pca.acquireTokenSilent({ scopes, account, forceRefresh }),
        options.timeoutMs?.() ?? TOKEN_TIMEOUT_MS,
      )
        .then((result) => {
          keep(kept, scopeKey, result);
          return result.accessToken;
        })
        .finally(() => silent.delete(key));
      silent.set(key, pending);
    }
    return pending;
  };

  const source = async (scopes: string[], { rejected }: { rejected?: string } = {}) => {
    if (ended) throw new SessionEndedError();
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    if (!account) return interactively(scopes, null);
    // A refused token is never handed out from here again, whatever MSAL does next.
    if (rejected) for (const [key, held] of kept) if (held.token === rejected) kept.delete(key);
    try {
      const token = await silently(scopes, account, false);
      // Several requests may meet the same 401: the first one's refresh serves the others.
      if (!rejected || token !== rejected) return token;
      const fresh = await silently(scopes, account, true);
      if (fresh !== rejected) return fresh;
      return await interactively(scopes, account);
    } catch (error) {
      if (rejected || needsInteraction(error)) return interactively(scopes, account);
      throw error;
    }
  };
  return Object.assign(source, {
    endSession: () => {
      ended = true;
      kept.clear();
    },
  });
}
