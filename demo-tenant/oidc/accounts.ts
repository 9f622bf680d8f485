// The demo tenant's people and automation clients. Passwords and secrets are public on purpose:
// this tenant exists only on the admin's own machine.
import {
  CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID,
  DEMO_TENANT_DOMAIN,
  DEMO_TENANT_ID,
  GLOBAL_READER_ROLE_ID,
  WRITER_ROLE_IDS,
} from '../contracts';

export const GRAPH_PERMISSIONS = {
  readPolicies: 'Policy.Read.All',
  readApplications: 'Application.Read.All',
  writePolicies: 'Policy.ReadWrite.ApplicationConfiguration',
  writeApplications: 'Application.ReadWrite.All',
  // Asked only when the admin opens "who receives these tokens" (delegated grants) and when a
  // report-only Conditional Access draft is created; Directory.Read.All also with the history.
  // Also delta queries on applications and service principals (application-delta).
  readDirectory: 'Directory.Read.All',
  writeConditionalAccess: 'Policy.ReadWrite.ConditionalAccess',
  // History (directoryaudit-list): Microsoft asks for AuditLog.Read.All and Directory.Read.All.
  readAuditLog: 'AuditLog.Read.All',
} as const;
// Every application permission the dashboard's features use (delta, reach, history, drafts).
const ALL = Object.values(GRAPH_PERMISSIONS);
const READ = [GRAPH_PERMISSIONS.readPolicies, GRAPH_PERMISSIONS.readApplications];

export interface DemoUser {
  accountId: string;
  email: string;
  password: string;
  name: string;
  /** Directory roles (wids): the admin may write, the reader may only read. */
  directoryRoles: string[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    accountId: '7d1c7f2e-5a3b-4c6d-8e9f-0a1b2c3d4e01',
    email: `admin@${DEMO_TENANT_DOMAIN}`,
    password: 'Admin-Demo-1',
    name: 'Adele Admin',
    // Cloud Application Administrator, and Conditional Access Administrator for the session drafts.
    directoryRoles: [WRITER_ROLE_IDS[1], CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID],
  },
  {
    accountId: '7d1c7f2e-5a3b-4c6d-8e9f-0a1b2c3d4e02',
    email: `reader@${DEMO_TENANT_DOMAIN}`,
    password: 'Reader-Demo-1',
    name: 'Reese Reader',
    directoryRoles: [GLOBAL_READER_ROLE_ID],
  },
];

export interface DemoAutomationClient {
  clientId: string;
  secret: string;
  objectId: string;
  /** Application permissions (the `roles` claim of client-credentials tokens). */
  roles: string[];
}

export const DEMO_AUTOMATION_CLIENTS: DemoAutomationClient[] = [
  {
    clientId: 'demo-automation',
    secret: 'demo-automation-secret',
    objectId: '8e2d8a3f-6b4c-4d7e-9fa0-1b2c3d4e5f01',
    roles: ALL,
  },
  {
    clientId: 'demo-reader',
    secret: 'demo-reader-secret',
    objectId: '8e2d8a3f-6b4c-4d7e-9fa0-1b2c3d4e5f02',
    roles: READ,
  },
];

/**
 * A confidential client that proves itself with a certificate (private_key_jwt), as pipelines do
 * with `ENTRA_CERTIFICATE_PATH`: its certificate is made at the tenant's first start, beside the
 * demo CA (entra/client-certificate.ts). Read permissions only, like a nightly audit.
 */
export const DEMO_CERTIFICATE_CLIENT = {
  clientId: 'demo-certificate',
  objectId: '8e2d8a3f-6b4c-4d7e-9fa0-1b2c3d4e5f03',
  roles: READ,
};

/** A public client for people at a terminal: device code sign-in ("Allow public client flows"). */
export const DEMO_CLI_CLIENT_ID = 'demo-cli';

/** Every client that signs in as itself (application permissions), by secret or certificate. */
export const DEMO_APPLICATION_CLIENTS: Array<Omit<DemoAutomationClient, 'secret'>> = [
  ...DEMO_AUTOMATION_CLIENTS,
  DEMO_CERTIFICATE_CLIENT,
];

export const DEMO_TENANT = { id: DEMO_TENANT_ID, domain: DEMO_TENANT_DOMAIN };

export function findUserByEmail(email: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
}

export function findUser(accountId: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.accountId === accountId);
}
