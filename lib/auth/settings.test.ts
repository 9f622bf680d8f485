import { describe, expect, it } from 'vitest';
import { AuthSettingsError, resolveAuthSettings } from './settings';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('resolveAuthSettings', () => {
  it('uses the global cloud by default, with MSAL finding the authority by its own metadata', () => {
    const settings = resolveAuthSettings({ clientId: 'c', tenantId: TENANT });
    expect(settings).toMatchObject({
      mode: 'entra',
      authority: `https://login.microsoftonline.com/${TENANT}`,
      knownAuthorities: [],
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      cloud: { resource: 'https://graph.microsoft.com' },
    });
    expect(settings.scopes.login).toEqual([
      'openid',
      'profile',
      'https://graph.microsoft.com/Policy.Read.All',
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Directory.Read.All',
    ]);
    expect(settings.scopes.write).toContain(
      'https://graph.microsoft.com/Policy.ReadWrite.ApplicationConfiguration',
    );
  });

  // Microsoft Graph "National cloud deployments": each cloud's Graph is its own resource.
  it.each([
    ['https://graph.microsoft.us/v1.0', 'https://graph.microsoft.us', 'USGov'],
    ['https://dod-graph.microsoft.us/v1.0', 'https://dod-graph.microsoft.us', 'USGovDoD'],
    [
      'https://microsoftgraph.chinacloudapi.cn/v1.0',
      'https://microsoftgraph.chinacloudapi.cn',
      'China',
    ],
  ])('asks %s for scopes of its own resource', (graphBaseUrl, resource, environment) => {
    const settings = resolveAuthSettings({
      clientId: 'c',
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.us',
      graphBaseUrl,
    });
    expect(settings.cloud).toMatchObject({ resource, powerShellEnvironment: environment });
    expect(settings.scopes.read[0]).toBe(`${resource}/Policy.Read.All`);
    expect(settings.knownAuthorities).toEqual([]);
    expect(settings.connectSrc).toEqual([
      'https://login.microsoftonline.us',
      new URL(graphBaseUrl).origin,
    ]);
  });

  it('trusts a configured authority host MSAL does not know, and keeps global Graph scopes', () => {
    const settings = resolveAuthSettings({
      clientId: 'c',
      tenantId: TENANT,
      authorityHost: 'https://localhost:4443/',
      graphBaseUrl: 'https://localhost:4443/v1.0/',
    });
    expect(settings.authority).toBe(`https://localhost:4443/${TENANT}`);
    expect(settings.knownAuthorities).toEqual(['localhost:4443']);
    expect(settings.graphBaseUrl).toBe('https://localhost:4443/v1.0');
    expect(settings.graphHost).toBe('localhost:4443');
    expect(settings.cloud.resource).toBe('https://graph.microsoft.com');
  });

  it('refuses an http authority or Graph, and a tenant that is not an id or domain', () => {
    expect(() =>
      resolveAuthSettings({ clientId: 'c', tenantId: TENANT, authorityHost: 'http://x' }),
    ).toThrow(AuthSettingsError);
    expect(() =>
      resolveAuthSettings({ clientId: 'c', tenantId: TENANT, graphBaseUrl: 'http://g/v1.0' }),
    ).toThrow(/https/);
    expect(() => resolveAuthSettings({ clientId: 'c', tenantId: 'a/b' })).toThrow(/tenant/);
  });

  it('falls back to the demo tenant without a client id and tenant id', () => {
    const settings = resolveAuthSettings({ demoTenantUrl: 'http://localhost:4110' });
    expect(settings).toMatchObject({
      mode: 'demo',
      graphBaseUrl: 'http://localhost:4110/v1.0',
      knownAuthorities: ['localhost:4110'],
      connectSrc: ['http://localhost:4110'],
    });
  });
});
