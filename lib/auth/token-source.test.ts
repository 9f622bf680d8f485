// The token source with a fake MSAL: what it does when Graph has refused a token (401).
import { InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { createAccessTokenSource, SessionEndedError } from './token-source';

const account = {
  homeAccountId: 'a',
  environment: 'e',
  tenantId: 't',
  username: 'u',
  localAccountId: 'l',
};

function fakeMsal(
  options: { refreshFails?: boolean; silentNeverAnswers?: boolean; expiresInMs?: number } = {},
) {
  const silentCalls: Array<{ forceRefresh?: boolean }> = [];
  let popups = 0;
  const pca = {
    getActiveAccount: () => account,
    getAllAccounts: () => [account],
    setActiveAccount: () => undefined,
    acquireTokenSilent: async (request: { forceRefresh?: boolean }) => {
      silentCalls.push({ forceRefresh: request.forceRefresh });
      if (options.silentNeverAnswers) return new Promise(() => undefined);
      if (request.forceRefresh && options.refreshFails)
        throw new InteractionRequiredAuthError('login_required', 'session over');
      const expiresOn = new Date(Date.now() + (options.expiresInMs ?? 3_600_000));
      return { accessToken: request.forceRefresh ? 'fresh' : 'cached', account, expiresOn };
    },
    acquireTokenPopup: async () => {
      popups++;
      return { accessToken: 'from-popup', account };
    },
  } as unknown as IPublicClientApplication;
  return { pca, silentCalls, popups: () => popups };
}

describe('createAccessTokenSource', () => {
  it('hands out the cached token while Graph accepts it', async () => {
    const msal = fakeMsal();
    expect(await createAccessTokenSource(msal.pca)(['s'])).toBe('cached');
    expect(msal.silentCalls).toEqual([{ forceRefresh: false }]);
  });

  it('never hands out a token Graph refused: it forces a refresh', async () => {
    const msal = fakeMsal();
    const source = createAccessTokenSource(msal.pca);
    expect(await source(['s'], { rejected: 'cached' })).toBe('fresh');
    expect(msal.silentCalls.at(-1)).toEqual({ forceRefresh: true });
    expect(msal.popups()).toBe(0);
  });

  it('asks the admin once when the refresh fails too', async () => {
    const msal = fakeMsal({ refreshFails: true });
    const prompts: string[][] = [];
    const source = createAccessTokenSource(msal.pca, { onInteraction: (s) => prompts.push(s) });
    expect(await source(['s'], { rejected: 'cached' })).toBe('from-popup');
    expect(msal.popups()).toBe(1);
    expect(prompts).toEqual([['s']]);
  });

  it('gives up on a silent token call that never answers', async () => {
    const msal = fakeMsal({ silentNeverAnswers: true });
    const source = createAccessTokenSource(msal.pca, { timeoutMs: () => 10 });
    await expect(source(['s'])).rejects.toThrow(/did not answer in/);
  });

  it('says when the prompt is over, so its explanation can go', async () => {
    const msal = fakeMsal({ refreshFails: true });
    const events: string[] = [];
    const source = createAccessTokenSource(msal.pca, {
      onInteraction: (s) => events.push(`open ${s.join(' ')}`),
      onInteractionEnd: (s, granted) => events.push(`end ${s.join(' ')} ${granted}`),
    });
    await source(['write'], { rejected: 'cached' });
    expect(events).toEqual(['open write', 'end write true']);
  });

  it('says so too when the prompt fails, with granted false', async () => {
    const msal = fakeMsal({ refreshFails: true });
    const cancelled = Object.assign(new Error('user_cancelled'), { errorCode: 'user_cancelled' });
    (msal.pca as unknown as { acquireTokenPopup: () => Promise<never> }).acquireTokenPopup =
      async () => {
        throw cancelled;
      };
    const ends: boolean[] = [];
    const source = createAccessTokenSource(msal.pca, {
      onInteractionEnd: (_s, granted) => ends.push(granted),
    });
    await expect(source(['write'], { rejected: 'cached' })).rejects.toBe(cancelled);
    expect(ends).toEqual([false]);
  });

  it('asks MSAL once for a token it may keep using, not once per Graph call', async () => {
    const msal = fakeMsal();
    const source = createAccessTokenSource(msal.pca);
    for (let call = 0; call < 5; call++) expect(await source(['s'])).toBe('cached');
    expect(await source(['other'])).toBe('cached');
    expect(msal.silentCalls).toHaveLength(2);
  });

  it('asks MSAL again for a token within five minutes of expiry, as MSAL would renew it', async () => {
    const msal = fakeMsal({ expiresInMs: 299_000 });
    const source = createAccessTokenSource(msal.pca);
    await source(['s']);
    await source(['s']);
    expect(msal.silentCalls).toHaveLength(2);
  });

  it('never keeps handing out a token Graph refused', async () => {
    const msal = fakeMsal();
    const source = createAccessTokenSource(msal.pca);
    expect(await source(['s'])).toBe('cached');
    expect(await source(['s'], { rejected: 'cached' })).toBe('fresh');
    expect(await source(['s'])).toBe('fresh');
    expect(msal.silentCalls).toEqual([
      { forceRefresh: false },
      { forceRefresh: false },
      { forceRefresh: true },
    ]);
  });

  it('asks for nothing once sign-out has begun, not even a kept token or a prompt', async () => {
    const msal = fakeMsal({ refreshFails: true });
    const source = createAccessTokenSource(msal.pca);
    expect(await source(['s'])).toBe('cached');
    source.endSession();
    await expect(source(['s'])).rejects.toBeInstanceOf(SessionEndedError);
    await expect(source(['s'], { rejected: 'cached' })).rejects.toBeInstanceOf(SessionEndedError);
    expect(msal.silentCalls).toHaveLength(1);
    expect(msal.popups()).toBe(0);
  });
});
