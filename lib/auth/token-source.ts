// Tokens for Graph: silently from the cache or a refresh token, and only when that fails, one
// interactive prompt. A popup keeps the page (and any unsaved form) alive; a redirect is the fallback.
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';

export type AccessTokenSource = (scopes: string[]) => Promise<string>;

export interface TokenSourceOptions {
  /** Told before an interactive prompt, e.g. to explain why the admin is asked again. */
  onInteraction?: (scopes: string[]) => void;
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

export function createAccessTokenSource(
  pca: IPublicClientApplication,
  options: TokenSourceOptions = {},
): AccessTokenSource {
  let interactive: Promise<string> | undefined;

  const interactively = (scopes: string[], account: AccountInfo | null): Promise<string> => {
    // Concurrent callers share one prompt rather than opening several popups.
    interactive ??= (async () => {
      options.onInteraction?.(scopes);
      try {
        const result = await pca.acquireTokenPopup({ scopes, account: account ?? undefined });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        if (popupUnavailable(error)) {
          await pca.acquireTokenRedirect({
            scopes,
            account: account ?? undefined,
            redirectUri: `${window.location.origin}/`,
          });
        }
        throw error;
      }
    })().finally(() => {
      interactive = undefined;
    });
    return interactive;
  };

  // A page start asks for the same token several times at once: one renewal serves them all.
  const silent = new Map<string, Promise<string>>();

  return async (scopes) => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    if (!account) return interactively(scopes, null);
    const key = [...scopes].sort().join(' ');
    let pending = silent.get(key);
    if (!pending) {
      pending = pca
        .acquireTokenSilent({ scopes, account })
        .then((result) => result.accessToken)
        .finally(() => silent.delete(key));
      silent.set(key, pending);
    }
    try {
      return await pending;
    } catch (error) {
      if (needsInteraction(error)) return interactively(scopes, account);
      throw error;
    }
  };
}
