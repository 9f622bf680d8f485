// Reading service principals in parallel chains is allowed only with query forms Microsoft
// documents for the property: servicePrincipal.appId "Supports $filter (eq, ne, not, in,
// startsWith)" (servicePrincipal resource, properties table); application.appId supports only eq
// (application resource). Coverage is proven with /$count (ConsistencyLevel: eventual).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../server';
import { clientToken, graphClient, startTestTenant } from '../test-support/http';

let tenant: DemoTenant;
let graph: ReturnType<typeof graphClient>;
const PREFIXES = [...'0123456789abcdef'];

beforeAll(async () => {
  tenant = await startTestTenant({ size: 2000 });
  const { body } = await clientToken(tenant.url, 'https://graph.microsoft.com/.default');
  graph = graphClient(tenant.url, body.access_token);
});
afterAll(() => tenant.close());

const count = async (path: string) =>
  Number(
    await (
      await fetch(`${tenant.url}/v1.0${path}`, {
        headers: {
          Authorization: `Bearer ${(await clientToken(tenant.url, 'https://graph.microsoft.com/.default')).body.access_token}`,
          ConsistencyLevel: 'eventual',
        },
      })
    ).text(),
  );

describe('service principals by the first digit of their appId', () => {
  it('16 startswith(appId) chains cover every service principal once', async () => {
    const seen = new Set<string>();
    let sum = 0;
    for (const prefix of PREFIXES) {
      const filter = encodeURIComponent(`startswith(appId,'${prefix}')`);
      const page = await graph.get(
        `/servicePrincipals?$select=id,appId&$top=999&$filter=${filter}`,
      );
      expect(page.status).toBe(200);
      expect(page.body['@odata.nextLink']).toBeUndefined();
      for (const sp of page.body.value as Array<{ id: string; appId: string }>) {
        expect(sp.appId.toLowerCase().startsWith(prefix)).toBe(true);
        seen.add(sp.id);
      }
      sum += await count(`/servicePrincipals/$count?$filter=${filter}`);
    }
    const total = await count('/servicePrincipals/$count');
    expect(seen.size).toBe(total);
    expect(sum).toBe(total);
  });

  it('refuses startswith(appId) on applications, as Graph does (appId: eq only)', async () => {
    const response = await graph.get(
      `/applications?$filter=${encodeURIComponent("startswith(appId,'0')")}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_UnsupportedQuery');
  });
});
