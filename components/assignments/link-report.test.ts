import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '@/lib/graph/errors';
import type { LinkOutcome, LinkTarget } from '@/lib/graph/link-writes';
import { describeLinkOutcome } from './link-report';

const CDS: LinkTarget = {
  objectType: 'servicePrincipal',
  objectId: 'sp-cds',
  displayName: 'Common Data Service',
  appId: '00000007-0000-0000-c000-000000000000',
};
const NAMES: Record<string, string> = {
  dataverse: 'Dataverse integrations (5 h)',
  unused: 'Unused 30 min',
};
const nameOf = (id: string) => NAMES[id] ?? id;
const notFound = new GraphRequestError({
  status: 404,
  code: 'Request_ResourceNotFound',
  message: 'gone',
});

const failed = (outcome: Partial<LinkOutcome>): LinkOutcome => ({
  target: CDS,
  status: 'failed',
  intended: 'unused',
  wrote: true,
  ...outcome,
});

describe('describeLinkOutcome: what the object holds, read back, and the repairs', () => {
  it('unlink done, link and restore failed: says it has NO policy and offers restore first', () => {
    const report = describeLinkOutcome(
      failed({ previousPolicyId: 'dataverse', nowPolicyId: null, restoreError: notFound }),
      nameOf,
    );
    expect(`${CDS.displayName}: ${report.text}`).toBe(
      'Common Data Service: now has no policy (was “Dataverse integrations (5 h)”)',
    );
    expect(report.repairs.map((r) => [r.label, r.policyId])).toEqual([
      ['Restore “Dataverse integrations (5 h)” on Common Data Service', 'dataverse'],
      ['Link “Unused 30 min” to Common Data Service', 'unused'],
    ]);
  });

  it('a failed replace that was rolled back says it is unchanged', () => {
    const report = describeLinkOutcome(
      failed({ previousPolicyId: 'dataverse', nowPolicyId: 'dataverse', error: notFound }),
      nameOf,
    );
    expect(report.text).toBe('unchanged: still has “Dataverse integrations (5 h)”');
    expect(report.repairs.map((r) => r.label)).toEqual([
      'Link “Unused 30 min” to Common Data Service',
    ]);
  });

  it('an unreadable read-back is "outcome unknown", with no repair offered blind', () => {
    const report = describeLinkOutcome(failed({ previousPolicyId: 'dataverse' }), nameOf);
    expect(report.text).toMatch(/^outcome unknown/);
    expect(report.repairs).toEqual([]);
  });

  it('an object found holding another policy than expected was left alone', () => {
    const report = describeLinkOutcome(
      {
        target: CDS,
        status: 'changed-elsewhere',
        intended: 'unused',
        wrote: false,
        previousPolicyId: 'dataverse',
        nowPolicyId: 'dataverse',
      },
      nameOf,
    );
    expect(report.text).toBe(
      'holds “Dataverse integrations (5 h)” (changed elsewhere); left as it was',
    );
  });
});
