// The state file keeps the tenant across restarts and never loses it: unreadable files stop the
// start instead of being reseeded over, writes are atomic and coalesced.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientToken, definition, graphClient, startTestTenant } from '../test-support/http';
import { SEEDED } from './seed';
import { readStateFile, StateFileError, StateFileWriter } from './state-file';
import { DirectoryStore } from './store';

let directory: string;
let path: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'demo-state-'));
  path = join(directory, 'tenant.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const policy = (id: string, displayName: string) => ({
  id,
  deletedDateTime: null,
  displayName,
  description: undefined,
  isOrganizationDefault: false,
  definition: definition('02:00:00'),
});

describe('at start', () => {
  it('refuses a truncated file, names it and says what to do, and leaves it untouched', async () => {
    const store = new DirectoryStore({ size: 50 }, path);
    await store.close();
    const whole = readFileSync(path, 'utf8');
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    writeFileSync(path, truncated);

    expect(() => new DirectoryStore({ size: 50 }, path)).toThrow(StateFileError);
    expect(() => new DirectoryStore({ size: 50 }, path)).toThrow(
      new RegExp(`${path}.*cannot be read as JSON.*move it away or delete it`),
    );
    await expect(startTestTenant({ stateFile: path })).rejects.toThrow(StateFileError);
    await new Promise((resolve) => setTimeout(resolve, 120)); // longer than the write debounce
    expect(readFileSync(path, 'utf8')).toBe(truncated);
  });

  it.each([
    ['empty', '', /cannot be read as JSON/],
    ['not an object', '[]', /top level is not an object/],
    [
      'missing policies',
      '{"applications":[],"servicePrincipals":[]}',
      /"policies" is not an array/,
    ],
    [
      'a policy without id',
      '{"policies":[{"displayName":"x","definition":[]}],"applications":[],"servicePrincipals":[],"applicationLinks":{},"servicePrincipalLinks":{}}',
      /"policies"\[0\] lacks its id/,
    ],
    [
      'links that are not a map',
      '{"policies":[],"applications":[],"servicePrincipals":[],"applicationLinks":[],"servicePrincipalLinks":{}}',
      /"applicationLinks" is not a map/,
    ],
  ])(
    'refuses a file of the wrong shape (%s), leaving it untouched',
    async (_name, text, problem) => {
      writeFileSync(path, text);
      expect(() => readStateFile(path)).toThrow(problem);
      expect(() => new DirectoryStore({}, path)).toThrow(/move it away or delete it/);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );

  it('refuses a path it cannot read (a directory) instead of seeding over it', () => {
    expect(() => new DirectoryStore({}, directory)).toThrow(
      new RegExp(`${directory} cannot be read \\(EISDIR`),
    );
  });

  it('seeds and writes the file when there is none', async () => {
    const store = new DirectoryStore({ size: 50 }, path);
    await store.close();
    expect(readStateFile(path)?.policies.map((p) => p.id)).toEqual(store.policies.map((p) => p.id));
  });
});

describe('writes', () => {
  it('restore the tenant after a restart: policies and links made over Graph', async () => {
    const first = await startTestTenant({ stateFile: path, size: 50 });
    const graph = graphClient(
      first.url,
      (await clientToken(first.url, 'https://graph.microsoft.com/.default')).body.access_token,
    );
    const created = await graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Survives restarts',
      definition: definition('03:00:00'),
    });
    const sp = first.store.servicePrincipals.find((s) => s.appId === SEEDED.apps.ordersApi.appId)!;
    expect(
      (
        await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
          '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${created.body.id}`,
        })
      ).status,
    ).toBe(204);
    expect(
      (await graph.delete(`/policies/tokenLifetimePolicies/${SEEDED.policies.unused}`)).status,
    ).toBe(204);
    await first.close();

    const second = new DirectoryStore({ size: 50 }, path);
    expect(second.getPolicy(created.body.id)?.displayName).toBe('Survives restarts');
    expect(second.linkedPolicyId('servicePrincipal', sp.id)).toBe(created.body.id);
    expect(second.getPolicy(SEEDED.policies.unused)).toBeUndefined();
    expect(second.applications).toEqual(first.store.applications);
    expect(second.servicePrincipals).toEqual(first.store.servicePrincipals);
    await second.close();
  });

  it('coalesce a burst of changes into one write, and flush on close', async () => {
    const store = new DirectoryStore({ size: 50 }, path);
    for (let i = 0; i < 100; i++) store.createPolicy(policy(`burst-${i}`, `Burst ${i}`));
    await store.close();
    expect(readStateFile(path)?.policies.filter((p) => p.id.startsWith('burst-'))).toHaveLength(
      100,
    );

    let snapshots = 0;
    const writer = new StateFileWriter(join(directory, 'counted.json'), () => {
      snapshots++;
      return [['n', String(snapshots)]];
    });
    for (let i = 0; i < 100; i++) writer.changed();
    await writer.flush();
    expect(writer.writeCount).toBe(1);
    expect(snapshots).toBe(1);
    expect(JSON.parse(readFileSync(join(directory, 'counted.json'), 'utf8'))).toEqual({ n: 1 });
  });

  it('never show a reader a partial file, and leave no temporary file behind', async () => {
    const store = new DirectoryStore({ size: 2_000 }, path);
    await store.close();
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow();
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let round = 0; round < 5; round++) {
      store.createPolicy(policy(`round-${round}`, `Round ${round}`));
      await store.close();
    }
    stop = true;
    await reader;
    expect(reads).toBeGreaterThan(5);
    expect(readdirSync(directory)).toEqual(['tenant.json']);
    expect(readStateFile(path)?.policies.filter((p) => p.id.startsWith('round-'))).toHaveLength(5);
  });

  it('let other work run while 100,000 objects are written', async () => {
    const objects = Array.from({ length: 100_000 }, (_, i) => ({
      id: `object-${i}`,
      appId: `app-${i}`,
      displayName: `Object ${i}`,
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    }));
    const writer = new StateFileWriter(path, () => [
      ['policies', '[]'],
      ['applications', objects],
    ]);
    writer.changed();
    let turns = 0;
    let writing = true;
    const ticker = (async () => {
      while (writing) {
        turns++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await writer.flush();
    writing = false;
    await ticker;
    // One turn at least per chunk of 2,000 objects: the write never holds the loop for all of them.
    expect(turns).toBeGreaterThanOrEqual(50);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.applications).toHaveLength(100_000);
    expect(written.applications[99_999]).toEqual(objects[99_999]);
  });
});
