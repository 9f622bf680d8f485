// Microsoft Graph lives at a different host in each national cloud, and a token for it must name
// that cloud's Graph as its resource. Source: Microsoft Graph "National cloud deployments" (the
// root endpoints table) and Connect-MgGraph's -Environment values (Get-MgEnvironment).

export interface GraphCloud {
  /** What the admin would call it. */
  name: string;
  /** The resource of delegated scopes: `${resource}/Policy.Read.All`. */
  resource: string;
  /** `Connect-MgGraph -Environment …`; undefined for the global service (the default). */
  powerShellEnvironment?: 'USGov' | 'USGovDoD' | 'China';
}

const CLOUDS: Record<string, GraphCloud> = {
  'graph.microsoft.com': {
    name: 'Microsoft Graph global service',
    resource: 'https://graph.microsoft.com',
  },
  'graph.microsoft.us': {
    name: 'Microsoft Graph for US Government L4',
    resource: 'https://graph.microsoft.us',
    powerShellEnvironment: 'USGov',
  },
  'dod-graph.microsoft.us': {
    name: 'Microsoft Graph for US Government L5 (DOD)',
    resource: 'https://dod-graph.microsoft.us',
    powerShellEnvironment: 'USGovDoD',
  },
  'microsoftgraph.chinacloudapi.cn': {
    name: 'Microsoft Graph China operated by 21Vianet',
    resource: 'https://microsoftgraph.chinacloudapi.cn',
    powerShellEnvironment: 'China',
  },
};

/**
 * The cloud a Graph base URL belongs to. Any other host (a test double such as the demo tenant)
 * stands in for the global service and is asked for global Graph's scopes.
 */
export function graphCloudOf(graphBaseUrl: URL): GraphCloud {
  return CLOUDS[graphBaseUrl.hostname.toLowerCase()] ?? CLOUDS['graph.microsoft.com'];
}
