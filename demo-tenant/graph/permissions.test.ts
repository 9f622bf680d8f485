// Conditional Access needs a directory role of its own, besides the scope (Entra built-in roles:
// Conditional Access Administrator, Security Administrator, Global Administrator write; Global
// Reader and Security Reader read). Cloud Application Administrator alone may do neither.
import { describe, expect, it } from 'vitest';
import {
  CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID,
  GLOBAL_READER_ROLE_ID,
  WRITER_ROLE_IDS,
} from '../contracts';
import { requirePermissions } from './permissions';

const delegated = (permissions: string[], directoryRoles: string[]) => ({
  ok: true as const,
  kind: 'delegated' as const,
  oid: 'u',
  tid: 't',
  permissions,
  directoryRoles,
});
const CLOUD_APP_ADMIN = WRITER_ROLE_IDS[1];
const CREATE = [
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Application.Read.All',
] as const;

describe('Conditional Access permissions', () => {
  const scopes = [...CREATE];

  it('lets a Conditional Access Administrator with the scopes create', () => {
    expect(() =>
      requirePermissions(delegated(scopes, [CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID]), [
        ...CREATE,
      ]),
    ).not.toThrow();
  });

  it('refuses a Cloud Application Administrator the create, and the read', () => {
    expect(() => requirePermissions(delegated(scopes, [CLOUD_APP_ADMIN]), [...CREATE])).toThrow(
      /Insufficient privileges/,
    );
    expect(() =>
      requirePermissions(delegated(scopes, [CLOUD_APP_ADMIN]), ['Policy.Read.ConditionalAccess']),
    ).toThrow(/Insufficient privileges/);
  });

  it('lets a Global Reader read but not create', () => {
    const reader = delegated(scopes, [GLOBAL_READER_ROLE_ID]);
    expect(() => requirePermissions(reader, ['Policy.Read.ConditionalAccess'])).not.toThrow();
    expect(() => requirePermissions(reader, [...CREATE])).toThrow(/Insufficient privileges/);
  });

  it('refuses the create without Policy.Read.All, even to the right role', () => {
    expect(() =>
      requirePermissions(
        delegated(
          ['Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'],
          [CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID],
        ),
        [...CREATE],
      ),
    ).toThrow(/Insufficient privileges/);
  });
});
