// The arrangement most contract tests share: one demo tenant per test file, the automation client
// (writes) and the reader client signed in, and the tenant reset to its seed before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DemoTenant, DemoTenantOptions } from '../server';
import type { GraphApi } from '../../lib/graph/client';
import { graphApiAs } from './graph-api';
import { graphAs, graphClient, operator, startTestTenant } from './http';

export interface TenantUnderTest {
  tenant: DemoTenant;
  /** demo-automation: Policy.ReadWrite.ApplicationConfiguration, Application.ReadWrite.All, … */
  graph: ReturnType<typeof graphClient>;
  /** demo-reader: Policy.Read.All and Application.Read.All only. */
  reader: ReturnType<typeof graphClient>;
  /** lib/graph's client, signed in as demo-automation: what tests of lib/graph's writes drive. */
  api: GraphApi;
}

/** Registers the hooks; the fields are filled before the first test runs. */
export function tenantPerFile(options: DemoTenantOptions = {}): TenantUnderTest {
  const t = {} as TenantUnderTest;
  beforeAll(async () => {
    t.tenant = await startTestTenant(options);
    t.graph = await graphAs(t.tenant.url);
    t.reader = await graphAs(t.tenant.url, 'demo-reader');
    t.api = await graphApiAs(t.tenant.url);
  });
  afterAll(() => t.tenant.close());
  beforeEach(async () => {
    const reset = await operator(t.tenant.url, 'POST', '/reset');
    if (reset.status !== 200) throw new Error(`reset refused: ${JSON.stringify(reset.body)}`);
  });
  return t;
}
