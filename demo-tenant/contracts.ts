// The seams between the demo tenant's parts: the OpenID provider (oidc/), the directory (directory/)
// and the Graph emulator (graph/). Each part is built and tested on its own; server.ts joins them.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The demo tenant's fixed identity: same values every run, so ids in docs and tests stay true. */
export const DEMO_TENANT_ID = '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
export const DEMO_TENANT_DOMAIN = 'contoso.demo';
/** The dashboard's own app registration in the demo tenant (a public SPA client). */
export const DEMO_DASHBOARD_CLIENT_ID = '5a1c0de0-0000-4000-8000-00000000da5b';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** What the Graph emulator learns from the bearer token of a request. */
export type TokenCheck =
  | {
      ok: true;
      /** Delegated scopes (scp, split, short names like "Policy.Read.All") or application roles. */
      permissions: string[];
      kind: 'delegated' | 'application';
      oid: string;
      tid: string;
      /**
       * Directory role template ids of a signed-in user (the `wids` claim). As in Entra, a delegated
       * token may carry a write scope the user's role does not allow: Graph then answers 403.
       */
      directoryRoles?: string[];
    }
  | { ok: false; message: string };

/** Verifies an `Authorization` header value for a Graph request (signature, issuer, audience, expiry). */
export type GraphTokenVerifier = (authorization: string | undefined) => Promise<TokenCheck>;

/** What the OpenID provider asks of the directory when it mints an access token. */
export interface ResourceDirectory {
  /**
   * The resource a scope or resource indicator names: `https://graph.microsoft.com`, an appId, or an
   * identifier URI. Returns the resource's appId and audience value, or undefined when no service
   * principal in the directory exposes it.
   */
  findResource(resource: string):
    | {
        appId: string;
        audience: string;
        displayName: string;
        /** Entra's access token version for this resource (see oidc/token-shape.ts). */
        accessTokenVersion: 1 | 2;
      }
    | undefined;
  /** Lifetime in seconds for the next access token of this resource, per its effective policy. */
  accessTokenLifetimeSeconds(resourceAppId: string): number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Directory roles (template ids) that may write token lifetime policies and their links. */
export const WRITER_ROLE_IDS = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '158c047a-c907-4556-b7ef-446551a6b5f7', // Cloud Application Administrator
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', // Application Administrator
];
export const GLOBAL_READER_ROLE_ID = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/** Directory roles that may create Conditional Access policies. */
export const CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID = 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9';
export const CONDITIONAL_ACCESS_WRITER_ROLE_IDS = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  CONDITIONAL_ACCESS_ADMINISTRATOR_ROLE_ID,
];
/** ...and those that may read them. */
export const CONDITIONAL_ACCESS_READER_ROLE_IDS = [
  ...CONDITIONAL_ACCESS_WRITER_ROLE_IDS,
  GLOBAL_READER_ROLE_ID,
  '5d6b6bb7-de71-4623-b4af-96380a352509', // Security Reader
];
