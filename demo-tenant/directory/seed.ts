// The demo tenant's directory, made from a seed: same seed and size → same objects and ids.
//
// Stable, documented objects (tests and the README rely on them):
//   policies  11111111-0000-4000-8000-000000000001  "Dataverse integrations (5 h)"   05:00:00 → Common Data Service SP
//             11111111-0000-4000-8000-000000000002  "Contoso 2h"                     02:00:00 → Orders API app + some SPs
//             11111111-0000-4000-8000-000000000003  "Legacy session policy"          08:00:00 + retired properties (MaxAgeSingleFactor 12:00:00)
//             11111111-0000-4000-8000-000000000004  "Doc-style 90 minutes"           00:90:00 (non-canonical)
//             11111111-0000-4000-8000-000000000005  "Unused 30 min"                  00:30:00, linked to nothing
//             11111111-0000-4000-8000-000000000006  "Reporting API 12h"              12:00:00 → Reporting API SP
//             11111111-0000-4000-8000-000000000007  "Organization default 4h"        only with organizationDefault
//   apps      Contoso Orders API (api://contoso-orders), Contoso Reporting API (api://contoso-reporting),
//             Nightly export script (client only), a personal-accounts-only app, hostile and non-Latin names.
import { FIRST_PARTY_RESOURCES, MICROSOFT_TENANT_ID } from '../../lib/policy/rules';
import type { TokenLifetimePolicy } from '../../lib/policy/types';
import { DEMO_TENANT_ID } from '../contracts';
import type { DemoApplication, DemoServicePrincipal, DirectoryState } from './model';
import { guid, pick, seededRandom, type Random } from './random';
import { seedAccess } from './seed-access';

export interface SeedOptions {
  seed?: number;
  /** Roughly the number of rows (apps + SP-only objects) in the tenant. */
  size?: number;
  organizationDefault?: boolean;
  /** Total policies, named ones included (the benchmark asks for 50). */
  policyCount?: number;
}

export const SEEDED = {
  policies: {
    dataverse: '11111111-0000-4000-8000-000000000001',
    contoso2h: '11111111-0000-4000-8000-000000000002',
    legacy: '11111111-0000-4000-8000-000000000003',
    docStyle90: '11111111-0000-4000-8000-000000000004',
    unused: '11111111-0000-4000-8000-000000000005',
    reporting12h: '11111111-0000-4000-8000-000000000006',
    organizationDefault: '11111111-0000-4000-8000-000000000007',
  },
  apps: {
    ordersApi: {
      appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01',
      name: 'Contoso Orders API',
      uri: 'api://contoso-orders',
    },
    reportingApi: {
      appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c02',
      name: 'Contoso Reporting API',
      uri: 'api://contoso-reporting',
    },
    exportScript: { appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c03', name: 'Nightly export script' },
    personalOnly: {
      appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c04',
      name: 'Contoso consumer app (personal accounts)',
    },
    formula: {
      appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c05',
      name: '=HYPERLINK("http://example.invalid","click")',
    },
    managedIdentity: { appId: '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c06', name: 'vm-backup-identity' },
  },
} as const;

const definition = (lifetime: string, extra: Record<string, unknown> = {}) => [
  JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: lifetime, ...extra } }),
];

function namedPolicies(organizationDefault: boolean): TokenLifetimePolicy[] {
  const p = SEEDED.policies;
  const base = (
    id: string,
    displayName: string,
    description: string,
    def: string[],
  ): TokenLifetimePolicy => ({
    id,
    deletedDateTime: null,
    displayName,
    description,
    isOrganizationDefault: false,
    definition: def,
  });
  const policies = [
    base(
      p.dataverse,
      'Dataverse integrations (5 h)',
      'Long-running Dataverse sync jobs',
      definition('05:00:00'),
    ),
    base(p.contoso2h, 'Contoso 2h', 'Long-running export jobs', definition('02:00:00')),
    base(
      p.legacy,
      'Legacy session policy',
      'Created in 2019; still carries retired session settings',
      definition('08:00:00', {
        MaxInactiveTime: '90.00:00:00',
        // A finite MaxAge… value: the sessions view offers its sign-in frequency equivalent (12 hours).
        MaxAgeSingleFactor: '12:00:00',
        MaxAgeSessionMultiFactor: 'until-revoked',
      }),
    ),
    base(
      p.docStyle90,
      'Doc-style 90 minutes',
      'Copied from the Microsoft docs example',
      definition('00:90:00'),
    ),
    base(
      p.unused,
      'Unused 30 min',
      'Short-lived tokens for a pilot that never started',
      definition('00:30:00'),
    ),
    base(
      p.reporting12h,
      'Reporting API 12h',
      'Reporting dashboards on wall screens',
      definition('12:00:00'),
    ),
  ];
  if (organizationDefault) {
    policies.push({
      ...base(
        p.organizationDefault,
        'Organization default 4h',
        'Tenant-wide default',
        definition('04:00:00'),
      ),
      isOrganizationDefault: true,
    });
  }
  return policies;
}

const WORDS = [
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Tailspin',
  'Woodgrove',
  'Litware',
  'Adatum',
  'Proseware',
  'Wingtip',
  'Lamna',
];
const NOUNS = [
  'Orders',
  'Billing',
  'Inventory',
  'HR',
  'Payroll',
  'CRM',
  'Analytics',
  'Portal',
  'Sync',
  'Gateway',
  'Reports',
  'Ledger',
];
const SUFFIXES = ['API', 'Web', 'Worker', 'Service', 'Connector', 'Mobile', 'Daemon', 'Function'];
const PUBLISHERS = [
  '9188040d-6c67-4c5b-b112-36a304b66dad',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'b2c3d4e5-0000-4000-8000-00000000beef',
];

const date = (random: Random) =>
  new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 8 * 365) * 86_400_000).toISOString();

export function seedDirectory(options: SeedOptions = {}): DirectoryState {
  const random = seededRandom(options.seed ?? 20261124);
  const size = Math.max(options.size ?? 300, 30);
  const applications: DemoApplication[] = [];
  const servicePrincipals: DemoServicePrincipal[] = [];
  const applicationLinks: Record<string, string> = {};
  const servicePrincipalLinks: Record<string, string> = {};
  const policies = namedPolicies(options.organizationDefault ?? false);

  const addApp = (
    appId: string,
    displayName: string,
    extra: Partial<DemoApplication> = {},
  ): DemoApplication => {
    const app: DemoApplication = {
      id: guid(random),
      appId,
      displayName,
      createdDateTime: date(random),
      signInAudience: 'AzureADMyOrg',
      identifierUris: [],
      ...extra,
    };
    applications.push(app);
    return app;
  };
  const addSp = (
    appId: string,
    displayName: string,
    extra: Partial<DemoServicePrincipal> = {},
  ): DemoServicePrincipal => {
    const sp: DemoServicePrincipal = {
      id: guid(random),
      appId,
      displayName,
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: DEMO_TENANT_ID,
      accountEnabled: true,
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
      servicePrincipalNames: [appId],
      ...extra,
    };
    servicePrincipals.push(sp);
    return sp;
  };
  const addTenantApp = (
    appId: string,
    name: string,
    uris: string[] = [],
    extra: Partial<DemoApplication> = {},
  ) => {
    const app = addApp(appId, name, { identifierUris: uris, ...extra });
    const sp = addSp(appId, name, { servicePrincipalNames: [appId, ...uris] });
    return { app, sp };
  };

  // Microsoft first-party resources: SPs only, owned by Microsoft's tenant.
  const firstParty = new Map<string, DemoServicePrincipal>();
  for (const resource of FIRST_PARTY_RESOURCES) {
    const uris =
      resource.appId === '00000003-0000-0000-c000-000000000000'
        ? ['https://graph.microsoft.com']
        : [];
    firstParty.set(
      resource.appId,
      addSp(resource.appId, resource.displayName, {
        appOwnerOrganizationId: MICROSOFT_TENANT_ID,
        tags: [],
        servicePrincipalNames: [resource.appId, ...uris],
      }),
    );
  }
  addSp('c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal', {
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    tags: [],
  });
  servicePrincipalLinks[firstParty.get('00000007-0000-0000-c000-000000000000')!.id] =
    SEEDED.policies.dataverse;

  const a = SEEDED.apps;
  const orders = addTenantApp(a.ordersApi.appId, a.ordersApi.name, [a.ordersApi.uri]);
  applicationLinks[orders.app.id] = SEEDED.policies.contoso2h;
  // A modern API that asks for v2.0 access tokens (api.requestedAccessTokenVersion = 2).
  const reporting = addTenantApp(a.reportingApi.appId, a.reportingApi.name, [a.reportingApi.uri], {
    api: { requestedAccessTokenVersion: 2 },
  });
  servicePrincipalLinks[reporting.sp.id] = SEEDED.policies.reporting12h;
  const exportScript = addTenantApp(a.exportScript.appId, a.exportScript.name);
  // The field's #1 confusion, seeded on purpose: a policy on a client app changes nothing it calls.
  applicationLinks[exportScript.app.id] = SEEDED.policies.contoso2h;
  addTenantApp(a.personalOnly.appId, a.personalOnly.name, [], {
    signInAudience: 'PersonalMicrosoftAccount',
  });
  addTenantApp(a.formula.appId, a.formula.name, ['api://formula-test']);
  const mi = addSp(a.managedIdentity.appId, a.managedIdentity.name, {
    servicePrincipalType: 'ManagedIdentity',
    tags: [],
    appOwnerOrganizationId: null,
  });
  servicePrincipalLinks[mi.id] = SEEDED.policies.legacy;
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '<script>alert("owned")</script> Payroll',
    'Invoice \u202Efdp.exe',
    '在庫管理システム API',
    'تطبيق الرواتب',
    `Very long name ${'lorem ipsum dolor sit amet '.repeat(12)}end`,
  ];
  for (const name of hostile) addTenantApp(guid(random), name, [`api://${guid(random)}`]);
  const legacyApp = addTenantApp(guid(random), 'Fabrikam Legacy Portal', ['api://fabrikam-legacy']);
  applicationLinks[legacyApp.app.id] = SEEDED.policies.legacy;
  const ninety = addTenantApp(guid(random), 'Northwind Docs Sample API', ['api://northwind-docs']);
  servicePrincipalLinks[ninety.sp.id] = SEEDED.policies.docStyle90;
  addTenantApp(guid(random), 'Disabled Tailspin Worker', [
    'api://tailspin-worker',
  ]).sp.accountEnabled = false;

  // Filler policies up to policyCount.
  const policyCount = Math.max(options.policyCount ?? policies.length, policies.length);
  const fillerIds: string[] = [];
  for (let i = policies.length; i < policyCount; i++) {
    const hours = 1 + Math.floor(random() * 23);
    const id = guid(random);
    fillerIds.push(id);
    policies.push({
      id,
      deletedDateTime: null,
      displayName: `${pick(random, WORDS)} ${pick(random, NOUNS)} ${hours}h`,
      description: null,
      isOrganizationDefault: false,
      definition: definition(`${String(hours).padStart(2, '0')}:00:00`),
    });
  }
  const linkable = [
    SEEDED.policies.contoso2h,
    SEEDED.policies.legacy,
    SEEDED.policies.reporting12h,
    ...fillerIds,
  ];

  // The bulk of the tenant.
  let row = new Set([...applications, ...servicePrincipals].map((o) => o.appId)).size;
  for (let i = 0; row < size; i++, row++) {
    const name = `${pick(random, WORDS)} ${pick(random, NOUNS)} ${pick(random, SUFFIXES)} ${i + 1}`;
    const roll = random();
    if (roll < 0.5) {
      const api = random() < 0.6;
      const { app, sp } = addTenantApp(
        guid(random),
        name,
        api ? [`api://${name.toLowerCase().replace(/\s+/g, '-')}`] : [],
      );
      if (random() < 0.1) sp.accountEnabled = false;
      const linkRoll = random();
      if (linkRoll < 0.08) servicePrincipalLinks[sp.id] = pick(random, linkable);
      else if (linkRoll < 0.14) applicationLinks[app.id] = pick(random, linkable);
    } else if (roll < 0.65) {
      addApp(guid(random), name, { identifierUris: [] });
    } else if (roll < 0.9) {
      const sp = addSp(
        guid(random),
        `${name} (${pick(random, ['Fabrikam', 'Litware', 'Adatum'])} Inc.)`,
        {
          appOwnerOrganizationId: pick(random, PUBLISHERS),
          tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
        },
      );
      if (random() < 0.05) servicePrincipalLinks[sp.id] = pick(random, linkable);
    } else {
      addSp(guid(random), `mi-${name.toLowerCase().replace(/\s+/g, '-')}`, {
        servicePrincipalType: 'ManagedIdentity',
        tags: [],
        appOwnerOrganizationId: null,
      });
    }
  }
  return {
    policies,
    applications,
    servicePrincipals,
    applicationLinks,
    servicePrincipalLinks,
    ...seedAccess(servicePrincipals),
  };
}
