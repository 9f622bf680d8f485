// The checker itself: the schemas come from Microsoft's published types, and a response that
// strays from them is caught. (Cross-checked by hand against msgraph-metadata; see graph-schemas.ts.)
import { describe, expect, it } from 'vitest';
import { checkGraphResponse } from './conformance';
import { loadGraphSchemas } from './graph-schemas';

const POLICY = {
  id: '4d2f137b-e8a9-46da-a5c3-cc85b2b840a4',
  deletedDateTime: null,
  description: null,
  displayName: 'Contoso 2h',
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
  isOrganizationDefault: false,
};
const get = (path: string, body: unknown, status = 200) =>
  checkGraphResponse({ method: 'GET', path, status, body });

describe('schemas extracted from @microsoft/microsoft-graph-types', () => {
  const schemas = loadGraphSchemas();

  it('names the package version it was read from', () => {
    expect(schemas.source).toMatch(/^@microsoft\/microsoft-graph-types@\d+\.\d+\.\d+$/);
    expect(schemas.batchSource).toMatch(/^@microsoft\/microsoft-graph-client@3\./);
  });

  it('gives tokenLifetimePolicy the properties of stsPolicy, policyBase, directoryObject and entity', () => {
    const policy = schemas.types.TokenLifetimePolicy.properties;
    expect(Object.keys(policy).sort()).toEqual(
      [
        'appliesTo',
        'definition',
        'deletedDateTime',
        'description',
        'displayName',
        'id',
        'isOrganizationDefault',
      ].sort(),
    );
    // As the v1.0 metadata says: definition Collection(Edm.String) Nullable=false; id Nullable=false.
    expect(policy.definition).toEqual({
      type: 'array',
      nullable: false,
      items: { type: 'string', nullable: false },
    });
    expect(policy.id).toEqual({ type: 'string', nullable: false });
    expect(policy.isOrganizationDefault).toEqual({ type: 'boolean', nullable: true });
  });

  it('knows the application and servicePrincipal fields the dashboard reads', () => {
    for (const field of [
      'appId',
      'displayName',
      'signInAudience',
      'createdDateTime',
      'identifierUris',
    ])
      expect(schemas.types.Application.properties).toHaveProperty(field);
    for (const field of [
      'appId',
      'servicePrincipalType',
      'appOwnerOrganizationId',
      'accountEnabled',
      'tags',
      'servicePrincipalNames',
    ])
      expect(schemas.types.ServicePrincipal.properties).toHaveProperty(field);
    expect(schemas.types.ServicePrincipal.properties.tags.type).toBe('array');
  });

  it('reads the $batch envelope from the SDK’s BatchResponseBody', () => {
    expect(schemas.batchResponseMembers.sort()).toEqual(['@odata.nextLink', 'responses']);
  });
});

describe('checkGraphResponse', () => {
  it('accepts a policy list shaped like the docs’ example', () => {
    expect(
      get('/policies/tokenLifetimePolicies', { '@odata.context': 'x', value: [POLICY] }),
    ).toEqual([]);
  });

  it.each([
    ['a property Graph does not have', { ...POLICY, lifetime: '02:00:00' }, /no such property/],
    ['a wrong JSON type', { ...POLICY, isOrganizationDefault: 'false' }, /should be a boolean/],
    ['null where Graph never sends null', { ...POLICY, definition: null }, /does not allow null/],
    ['a definition that is not strings', { ...POLICY, definition: [{}] }, /should be a string/],
  ])('catches %s', (_label, policy, message) => {
    const problems = get('/policies/tokenLifetimePolicies/1', policy);
    expect(problems.join('\n')).toMatch(message);
  });

  it('checks appliesTo items as the type their @odata.type names', () => {
    const sp = {
      '@odata.type': '#microsoft.graph.servicePrincipal',
      id: '1',
      appId: 'a',
      servicePrincipalType: 'Application',
    };
    expect(get('/policies/tokenLifetimePolicies/1/appliesTo', { value: [sp] })).toEqual([]);
    expect(
      get('/policies/tokenLifetimePolicies/1/appliesTo', {
        value: [{ ...sp, signInAudience: 1 }],
      }).join(),
    ).toMatch(/signInAudience should be a string/);
    expect(
      get('/policies/tokenLifetimePolicies/1/appliesTo', {
        value: [{ ...sp, isOrganizationDefault: true }],
      }).join(),
    ).toMatch(/ServicePrincipal has no such property/);
  });

  it('checks the error envelope', () => {
    const error = {
      code: 'Request_ResourceNotFound',
      message: 'gone',
      innerError: { date: 'd', 'request-id': 'r', 'client-request-id': 'c' },
    };
    expect(get('/policies/tokenLifetimePolicies/1', { error }, 404)).toEqual([]);
    expect(
      get('/policies/tokenLifetimePolicies/1', { error: { ...error, status: 404 } }, 404).join(),
    ).toMatch(/no such property/);
    expect(get('/policies/tokenLifetimePolicies/1', { message: 'gone' }, 404).join()).toMatch(
      /"error"/,
    );
  });

  it('checks $batch responses, and each sub-response by its sub-request', () => {
    const requestBody = {
      requests: [{ id: '1', method: 'GET', url: '/policies/tokenLifetimePolicies' }],
    };
    const ok = { responses: [{ id: '1', status: 200, headers: {}, body: { value: [POLICY] } }] };
    expect(
      checkGraphResponse({ method: 'POST', path: '/$batch', status: 200, body: ok, requestBody }),
    ).toEqual([]);
    const bad = {
      responses: [{ id: '1', status: 200, headers: {}, body: { value: [{ ...POLICY, x: 1 }] } }],
      extra: 1,
    };
    const problems = checkGraphResponse({
      method: 'POST',
      path: '/$batch',
      status: 200,
      body: bad,
      requestBody,
    });
    expect(problems.join('\n')).toMatch(/no member extra/);
    expect(problems.join('\n')).toMatch(
      /responses\[0\] \(GET \/policies\/tokenLifetimePolicies\).*no such property/,
    );
  });
});
