// Delta queries on applications and service principals, over real HTTP, as Microsoft documents
// them: application-delta / serviceprincipal-delta (query options once, in the tokens; $select;
// id always), delta-query-overview (nextLink until a deltaLink; "@removed"; "sync from now" with
// $deltatoken=latest; 410 Gone with a Location to start again; seven days for directory objects),
// and the permissions table application-delta-permissions (delegated Directory.Read.All).
import { beforeEach, describe, expect, it } from 'vitest';
import { tenantPerFile } from '../test-support/tenant-per-file';
import { DELTA_PAGE_SIZE, DELTA_TOKEN_LIFETIME_MS } from './delta';

const SELECT = '$select=id,appId,displayName';

const t = tenantPerFile({ size: 500 });
beforeEach(async () => {
  t.tenant.store.clock = Date.now;
});

/** Follows nextLinks to the deltaLink; returns every item and the deltaLink. */
async function round(first: string) {
  const items: Array<Record<string, unknown>> = [];
  let url = first;
  let pages = 0;
  for (;;) {
    const response = await t.graph.get(url);
    expect(response.status).toBe(200);
    pages++;
    items.push(...response.body.value);
    if (response.body['@odata.deltaLink']) {
      expect(response.body['@odata.nextLink']).toBeUndefined();
      return { items, deltaLink: response.body['@odata.deltaLink'] as string, pages };
    }
    url = response.body['@odata.nextLink'];
    expect(url).toContain('$skiptoken=');
  }
}

describe('GET /servicePrincipals/delta and /applications/delta', () => {
  it('pages a first round through every object, then gives a deltaLink', async () => {
    const { items, deltaLink, pages } = await round(`/servicePrincipals/delta?${SELECT}`);
    const count = t.tenant.store.servicePrincipals.length;
    expect(items).toHaveLength(count);
    expect(pages).toBe(Math.ceil(count / DELTA_PAGE_SIZE));
    expect(Object.keys(items[0]).sort()).toEqual(['appId', 'displayName', 'id']);
    expect(deltaLink).toMatch(/\/servicePrincipals\/delta\?\$deltatoken=/);
  });

  it('answers only what changed since the token, with $select kept in the token', async () => {
    const { deltaLink } = await round(`/applications/delta?${SELECT}`);
    const [renamed, deleted] = t.tenant.store.applications;
    expect(
      (await t.graph.patch(`/applications/${renamed.id}`, { displayName: 'Renamed' })).status,
    ).toBe(204);
    expect((await t.graph.delete(`/applications/${deleted.id}`)).status).toBe(204);
    const changes = await round(deltaLink);
    expect(changes.items).toEqual([
      { id: renamed.id, appId: renamed.appId, displayName: 'Renamed' },
      { id: deleted.id, '@removed': { reason: 'changed' } },
    ]);
    // Nothing since: an empty page and a new deltaLink.
    const quiet = await round(changes.deltaLink);
    expect(quiet.items).toEqual([]);
    expect(quiet.pages).toBe(1);
  });

  it('syncs from now with $deltatoken=latest: no objects, a deltaLink, then only later changes', async () => {
    const latest = await t.graph.get(`/servicePrincipals/delta?${SELECT}&$deltatoken=latest`);
    expect(latest.body.value).toEqual([]);
    const sp = t.tenant.store.servicePrincipals[3];
    await t.graph.patch(`/servicePrincipals/${sp.id}`, { displayName: 'Changed elsewhere' });
    const { items } = await round(latest.body['@odata.deltaLink']);
    expect(items).toEqual([{ id: sp.id, appId: sp.appId, displayName: 'Changed elsewhere' }]);
  });

  it('answers 410 Gone with a Location to start again when the token is older than 7 days', async () => {
    const { deltaLink } = await round(`/applications/delta?${SELECT}`);
    const issued = Date.now();
    t.tenant.store.clock = () => issued + DELTA_TOKEN_LIFETIME_MS + 60_000;
    const gone = await t.graph.get(deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('syncStateNotFound');
    const location = gone.headers.get('Location')!;
    expect(location).toMatch(/\/applications\/delta\?\$deltatoken=&\$select=id,appId,displayName$/);
    // The Location starts a new first round.
    const again = await round(location);
    expect(again.items).toHaveLength(t.tenant.store.applications.length);
  });

  it('answers 410 Gone to a token from before the tenant was reset', async () => {
    const latest = await t.graph.get(`/applications/delta?${SELECT}&$deltatoken=latest`);
    await fetch(`${t.tenant.url}/_demo/reset`, { method: 'POST' });
    expect((await t.graph.get(latest.body['@odata.deltaLink'])).status).toBe(410);
  });

  it('refuses query options delta does not document ($top, $count, $search, $orderby)', async () => {
    for (const option of ['$top=999', '$count=true', '$orderby=displayName'])
      expect((await t.graph.get(`/applications/delta?${option}`)).status).toBe(400);
  });

  it('needs more than Application.Read.All (application-delta-permissions)', async () => {
    expect((await t.reader.get('/servicePrincipals/delta?$deltatoken=latest')).status).toBe(403);
    // The reader may still list: that needs only Application.Read.All.
    expect((await t.reader.get('/servicePrincipals?$top=1')).status).toBe(200);
  });
});
