import {
  BrowserCacheLocation,
  LogLevel,
  ProtocolMode,
  type Configuration,
} from '@azure/msal-browser';
import type { AuthSettings } from './settings';

export function createMsalConfiguration(settings: AuthSettings, origin: string): Configuration {
  return {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      knownAuthorities: settings.knownAuthorities,
      authorityMetadata: settings.authorityMetadata,
      // Popup and silent flows land on a page that only hands the response back (app/(auth)/redirect).
      redirectUri: `${origin}/redirect`,
      postLogoutRedirectUri: `${origin}/`,
      ...(settings.mode === 'demo'
        ? { OIDCOptions: { defaultScopes: ['openid', 'profile'] } }
        : {}),
    },
    // sessionStorage: tokens die with the tab and never sit in localStorage.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      ...(settings.mode === 'demo' ? { protocolMode: ProtocolMode.OIDC } : {}),
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) console.error(message);
        },
      },
    },
  };
}
