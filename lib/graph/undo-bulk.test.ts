// Undo of a bulk change, against the real demo tenant over HTTP: each object must end with the
// policy it held before the run, read back from the tenant, and an object someone changed since the
// run must be left alone.
import { describe, expect, it } from 'vitest';
import { SEEDED } from '@/demo-tenant/directory/seed';
import { tenantPerFile } from '@/demo-tenant/test-support/tenant-per-file';
import { bulkLink, bulkUnlink, type LinkOutcome, type LinkTarget } from './link-writes';
import { restored, retrySteps, undoBulkChange, undoSteps } from './undo-bulk';

const t = tenantPerFile();

/** Three service principals without a policy in the seed. */
function freeTargets(): LinkTarget[] {
  return t.tenant.store.servicePrincipals
    .filter(
      (sp) =>
        sp.servicePrincipalType === 'Application' &&
        !t.tenant.store.linkedPolicyId('servicePrincipal', sp.id),
    )
    .slice(0, 3)
    .map((sp) => ({
      objectType: 'servicePrincipal',
      objectId: sp.id,
      displayName: sp.displayName,
      appId: sp.appId,
    }));
}
const holds = (target: LinkTarget) =>
  t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId) ?? null;

describe('undo a bulk change', () => {
  it('puts back each object’s own previous policy after a bulk link that replaced two', async () => {
    const [a, b, c] = freeTargets();
    await t.api.linkPolicy('servicePrincipal', a.objectId, SEEDED.policies.contoso2h);
    await t.api.linkPolicy('servicePrincipal', b.objectId, SEEDED.policies.reporting12h);
    const outcomes = await bulkLink(t.api, [a, b, c], SEEDED.policies.unused);
    expect([a, b, c].map(holds)).toEqual(Array(3).fill(SEEDED.policies.unused));

    const steps = undoSteps(outcomes);
    expect(steps.map((s) => s.restore)).toEqual([
      SEEDED.policies.contoso2h,
      SEEDED.policies.reporting12h,
      null,
    ]);
    const results = await undoBulkChange(t.api, steps);
    expect(results.every(restored)).toBe(true);
    expect([a, b, c].map(holds)).toEqual([
      SEEDED.policies.contoso2h,
      SEEDED.policies.reporting12h,
      null,
    ]);
    expect(retrySteps(results)).toEqual([]);
  });

  it('relinks what a bulk unlink took away', async () => {
    const [a, b] = freeTargets();
    await t.api.linkPolicy('servicePrincipal', a.objectId, SEEDED.policies.unused);
    await t.api.linkPolicy('servicePrincipal', b.objectId, SEEDED.policies.unused);
    const outcomes = await bulkUnlink(t.api, [a, b], SEEDED.policies.unused);
    expect([a, b].map(holds)).toEqual([null, null]);
    const results = await undoBulkChange(t.api, undoSteps(outcomes));
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    expect([a, b].map(holds)).toEqual([SEEDED.policies.unused, SEEDED.policies.unused]);
  });

  it('leaves alone an object changed since the run, and restores the others', async () => {
    const [a, b] = freeTargets();
    await t.api.linkPolicy('servicePrincipal', a.objectId, SEEDED.policies.contoso2h);
    const outcomes = await bulkLink(t.api, [a, b], SEEDED.policies.unused);
    // Another admin moves b on before the undo.
    await t.api.unlinkPolicy('servicePrincipal', b.objectId, SEEDED.policies.unused);
    await t.api.linkPolicy('servicePrincipal', b.objectId, SEEDED.policies.reporting12h);
    const results = await undoBulkChange(t.api, undoSteps(outcomes));
    expect(results.map((r) => r.status)).toEqual(['done', 'changed-since']);
    expect(holds(a)).toBe(SEEDED.policies.contoso2h);
    expect(holds(b)).toBe(SEEDED.policies.reporting12h);
  });

  it('offers nothing to undo for objects the run did not change or could not read', () => {
    const target = freeTargets()[0];
    const base = { target, intended: 'p' };
    const outcomes: LinkOutcome[] = [
      { ...base, status: 'already-linked', wrote: false, previousPolicyId: 'p', nowPolicyId: 'p' },
      { ...base, status: 'failed', wrote: false },
      { ...base, status: 'failed', wrote: true, previousPolicyId: 'q', nowPolicyId: 'q' },
      { ...base, status: 'linked', wrote: true, previousPolicyId: null, nowPolicyId: 'p' },
    ];
    expect(undoSteps(outcomes)).toEqual([{ target, restore: null, leftAs: 'p' }]);
  });
});
