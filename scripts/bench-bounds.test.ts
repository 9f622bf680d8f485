import { describe, expect, it } from 'vitest';
import { lowerBound } from './bench-bounds';

describe('the lower bound of a directory load', () => {
  it('counts one $batch per 20 policies and one page per 999 objects', () => {
    // 50 policies of few links: 1 list + 3 batches + 7 + 9 pages.
    const bound = lowerBound({
      policies: 50,
      linksPerPolicy: Array(50).fill(10),
      applications: 6578,
      servicePrincipals: 8467,
    });
    expect(bound).toEqual({ roundTrips: 20, sequentialSteps: 9 });
  });

  it('counts the extra appliesTo pages of policies linked to thousands of objects', () => {
    // Round 1: 6 policies (1 batch); round 2: 2 policies (1 batch); round 3: 1 policy (1 batch).
    const bound = lowerBound({
      policies: 6,
      linksPerPolicy: [2500, 1200, 5, 0, 3, 1],
      applications: 300,
      servicePrincipals: 300,
    });
    expect(bound).toEqual({ roundTrips: 1 + 3 + 1 + 1, sequentialSteps: 4 });
  });
});

describe('the latency bound of a 100,000-object tenant', () => {
  it('lets service principals go in 16 chains, applications in one', () => {
    const bound = lowerBound({
      policies: 6,
      linksPerPolicy: [5000, 1500, 3, 2, 1, 0],
      applications: 65068,
      servicePrincipals: 84859,
    });
    // 66 application pages one after the other; service principals: count, then 6 pages a chain.
    expect(bound.sequentialSteps).toBe(66);
    // appliesTo: 6 rounds (the 5,000-link policy has 6 pages), one $batch each.
    expect(bound.roundTrips).toBe(1 + 6 + 66 + 85);
  });
});
